/**
 * Who read full personal data in the caller's county, newest first, between two calendar dates
 * (Asia/Shanghai, both included).
 */
import { auditView } from '../../domain/audit.ts';
import type { Identity } from '../../auth/identity.ts';
import { ValidationFailed } from '../../http/errors.ts';
import type { PageRequest, RegistryDeps } from './ports.ts';

const SHANGHAI_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

/** The instant a Shanghai calendar day starts. */
const startOfDay = (date: string): Date => new Date(`${date}T00:00:00${SHANGHAI_OFFSET}`);

export interface DateRange {
  readonly from?: string;
  readonly to?: string;
}

export const listPersonalDataReads = async (
  deps: RegistryDeps,
  identity: Identity,
  range: DateRange,
  page: PageRequest,
) => {
  if (range.from && range.to && range.from > range.to)
    throw new ValidationFailed([{ path: 'query.to', message: '结束日期不能早于开始日期' }]);
  const result = await deps.audit.personalDataReads(
    {
      countyCode: identity.countyCode,
      from: range.from ? startOfDay(range.from).toISOString() : undefined,
      to: range.to ? new Date(startOfDay(range.to).getTime() + DAY_MS).toISOString() : undefined,
    },
    page,
  );
  return { items: result.items.map(auditView), nextCursor: result.nextCursor };
};

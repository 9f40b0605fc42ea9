/**
 * The collection form export for the national system (`002_…` 附件3, A1–A55): the households a user
 * selects, or every household of a village. It carries full resident IDs (A7), so 1. every
 * household must be in the caller's reach (404 otherwise, before anything is written); 2. each one
 * is recorded as a full personal-data read; 3. only then are the rows built and returned.
 */
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope, narrowRegion } from '../../auth/authorize.ts';
import { auditEntry } from '../../domain/audit.ts';
import type { Household } from '../../domain/household-schema.ts';
import { maskName } from '../../domain/mask.ts';
import { collectionRows, latestIncome } from '../../domain/national-export/collection-form.ts';
import { levelOf } from '../../domain/region.ts';
import { NotFound, ValidationFailed } from '../../http/errors.ts';
import type { MonitoringStore } from '../../adapters/monitoring-store.ts';
import type { AuditStore, HouseholdStore } from '../registry/ports.ts';

export interface ExportDeps {
  readonly households: Pick<HouseholdStore, 'get' | 'list'>;
  readonly monitoring: Pick<MonitoringStore, 'household'>;
  readonly audit: Pick<AuditStore, 'recordPersonalDataRead'>;
  readonly newId: () => string;
}

export const MAX_EXPORT_HOUSEHOLDS = 2000;

export type ExportSelection = { readonly householdIds: readonly string[] } | { readonly villageCode: string };

const villageHouseholds = async (deps: ExportDeps, identity: Identity, villageCode: string) => {
  if (levelOf(villageCode) !== 'village')
    throw new ValidationFailed([{ path: 'query.villageCode', message: '应为村级区划代码' }]);
  const region = narrowRegion(identity, villageCode);
  const all: Household[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.households.list({ regionCode: region }, { limit: 200, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (all.length > MAX_EXPORT_HOUSEHOLDS)
      throw new ValidationFailed([
        {
          path: 'query.villageCode',
          message: `一次最多导出 ${MAX_EXPORT_HOUSEHOLDS} 户，请分批选择农户导出`,
        },
      ]);
  } while (cursor);
  return all.sort((a, b) => a.householdId.localeCompare(b.householdId));
};

const selectedHouseholds = async (deps: ExportDeps, identity: Identity, ids: readonly string[]) =>
  Promise.all(
    [...new Set(ids)].map(async (id) => {
      const household = await deps.households.get(id);
      if (!household) throw new NotFound('农户不存在或不在管辖范围内');
      assertRegionScope(identity, household.villageCode);
      return household;
    }),
  );

export const collectionFormRows = async (
  deps: ExportDeps,
  identity: Identity,
  selection: ExportSelection,
  now: Date,
  requestId: string | undefined,
): Promise<{ households: number; rows: string[][] }> => {
  const households =
    'villageCode' in selection
      ? await villageHouseholds(deps, identity, selection.villageCode)
      : await selectedHouseholds(deps, identity, selection.householdIds);
  const rows: string[][] = [];
  for (const household of households) {
    await deps.audit.recordPersonalDataRead(
      auditEntry(
        {
          now: now.toISOString(),
          actor: { userId: identity.userId, username: identity.username, role: identity.role },
          newId: deps.newId,
          requestId,
        },
        household,
        'identity.read',
        `导出防止返贫监测对象信息采集表（A1–A55）：户主 ${maskName(household.headName)}`,
      ),
    );
    const records = await deps.monitoring.household(household.householdId);
    rows.push(
      ...collectionRows({
        household,
        state: records.state,
        measures: records.measures,
        income: latestIncome(records.incomes),
      }),
    );
  }
  return { households: households.length, rows };
};

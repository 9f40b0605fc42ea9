/**
 * List households: the region asked for (village, else town, else the caller's whole scope) is
 * narrowed to the caller's scope; one page of one index query, optionally of one type.
 */
import type { HouseholdSummary, HouseholdType } from '../../domain/household-schema.ts';
import { householdSummary } from '../../domain/household-view.ts';
import { isWithin } from '../../domain/region.ts';
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import { ValidationFailed } from '../../http/errors.ts';
import type { Page, PageRequest, RegistryDeps } from './ports.ts';

export interface HouseholdFilter {
  readonly villageCode?: string;
  readonly townCode?: string;
  readonly type?: HouseholdType;
}

export const listHouseholds = async (
  deps: RegistryDeps,
  identity: Identity,
  filter: HouseholdFilter,
  page: PageRequest,
): Promise<Page<HouseholdSummary>> => {
  if (filter.villageCode && filter.townCode && !isWithin(filter.villageCode, filter.townCode))
    throw new ValidationFailed([{ path: 'query.villageCode', message: '所选村不属于所选乡镇' }]);
  const regionCode = narrowRegion(identity, filter.villageCode ?? filter.townCode);
  const result = await deps.households.list({ regionCode, type: filter.type }, page);
  return { items: result.items.map(householdSummary), nextCursor: result.nextCursor };
};

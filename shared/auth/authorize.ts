/**
 * The one jurisdiction check (SPEC §1): county ⊃ town ⊃ village by division code, department,
 * insurer contract. The role check runs in `apiHandler` from the route's declaration; use cases
 * call these for the records they touch. Out of scope answers NotFound so existence does not leak.
 */
import { NotFound } from '../http/errors.ts';
import { isWithin } from '../domain/region.ts';
import type { Identity } from './identity.ts';

/** The narrowest region the identity covers (village, town or county code). */
export const regionScopeOf = (identity: Identity): string =>
  identity.villageCode ?? identity.townCode ?? identity.countyCode;

/** Whether a record located in `regionCode` (any level) lies in the identity's region. */
export const inRegionScope = (identity: Identity, regionCode: string): boolean =>
  isWithin(regionCode, regionScopeOf(identity));

/** Throws NotFound unless the record's region lies in the caller's scope. */
export const assertRegionScope = (identity: Identity, regionCode: string): void => {
  if (!inRegionScope(identity, regionCode)) throw new NotFound();
};

/** A filter region asked for by the caller must itself lie inside the scope. */
export const narrowRegion = (identity: Identity, requested?: string): string => {
  const scope = regionScopeOf(identity);
  if (!requested) return scope;
  if (isWithin(requested, scope)) return requested;
  if (isWithin(scope, requested)) return scope;
  throw new NotFound('所选区域不在您的管辖范围内');
};

export const assertDepartment = (identity: Identity, department: string): void => {
  if (identity.role === 'department' && identity.department !== department) throw new NotFound();
};

export const assertInsurerContract = (identity: Identity, contract: string): void => {
  if (
    (identity.role === 'insurer_manager' || identity.role === 'insurer_adjuster') &&
    identity.insurerContract !== contract
  )
    throw new NotFound();
};

/**
 * Who sees which alert (SPEC §1, §4.7 "per scope"): county staff and auditors every alert of their
 * county; a town official the county-wide ones and those of the town and its villages; a village
 * cadre only the alerts of the village (county-wide ones — a department's missing push, the fund's
 * balance, the holiday calendar — are the county's to act on). Pure.
 */
import type { Identity } from '../auth/identity.ts';
import type { Alert } from './alert.ts';
import { isWithin, levelOf } from './region.ts';

/** The list an identity reads: its county, its town (with the county-wide ones) or its village. */
export type AlertListScope =
  | { readonly countyCode: string }
  | { readonly countyCode: string; readonly townCode: string }
  | { readonly countyCode: string; readonly villageCode: string };

/** The alert list of a role, or undefined when the identity lacks the code its role needs. */
export const alertListScope = (identity: Identity): AlertListScope | undefined => {
  const { countyCode } = identity;
  switch (identity.role) {
    case 'county_staff':
    case 'auditor':
      return { countyCode };
    case 'town_official':
      return identity.townCode ? { countyCode, townCode: identity.townCode } : undefined;
    case 'village_cadre':
      return identity.villageCode ? { countyCode, villageCode: identity.villageCode } : undefined;
    default:
      return undefined;
  }
};

/** Whether one alert lies in the identity's list (the same rule as the lists, for a single read). */
export const alertVisibleTo = (
  identity: Identity,
  alert: Pick<Alert, 'countyCode' | 'scopeCode'>,
): boolean => {
  const scope = alertListScope(identity);
  if (!scope || alert.countyCode !== scope.countyCode) return false;
  if ('villageCode' in scope) return alert.scopeCode === scope.villageCode;
  if ('townCode' in scope)
    return levelOf(alert.scopeCode) === 'county' || isWithin(alert.scopeCode, scope.townCode);
  return true;
};

/**
 * Open alerts in the caller's area: county staff and auditors the whole county; a town official
 * the town's (its villages included) and the county-wide ones.
 */
import type { AlertPage, AlertStore } from '../../adapters/alert-store.ts';
import type { Identity } from '../../auth/identity.ts';
import { Forbidden } from '../../http/errors.ts';

export const listOpenAlerts = async (
  store: AlertStore,
  identity: Identity,
  page: { limit: number; cursor?: string },
): Promise<AlertPage> => {
  if (identity.role === 'town_official') {
    if (!identity.townCode) throw new Forbidden();
    return store.listOpen({ countyCode: identity.countyCode, townCode: identity.townCode }, page);
  }
  return store.listOpen({ countyCode: identity.countyCode }, page);
};

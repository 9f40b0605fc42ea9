/**
 * Alerts in the caller's area (`shared/domain/alert-scope.ts`): county staff and auditors the whole
 * county; a town official the town's (its villages included) and the county-wide ones; a village
 * cadre the village's. One alert by kind and key, open or cleared, in the same scope (404 outside).
 */
import type { AlertPage, AlertStore } from '../../adapters/alert-store.ts';
import type { Identity } from '../../auth/identity.ts';
import type { Alert, AlertKind } from '../../domain/alert.ts';
import { alertListScope, alertVisibleTo } from '../../domain/alert-scope.ts';
import { Forbidden, NotFound } from '../../http/errors.ts';

export const listOpenAlerts = async (
  store: Pick<AlertStore, 'listOpen'>,
  identity: Identity,
  page: { limit: number; cursor?: string },
): Promise<AlertPage> => {
  const scope = alertListScope(identity);
  if (!scope) throw new Forbidden();
  return store.listOpen(scope, page);
};

export const getAlert = async (
  store: Pick<AlertStore, 'get'>,
  identity: Identity,
  kind: AlertKind,
  key: string,
): Promise<Alert> => {
  const alert = await store.get(identity.countyCode, kind, key);
  if (!alert || !alertVisibleTo(identity, alert)) throw new NotFound('预警不存在或不在管辖范围内');
  return alert;
};

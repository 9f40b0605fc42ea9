/**
 * Reading alerts as a user would: every page of `GET /alerts`, one alert by kind and key
 * (`GET /alerts/{kind}/{key}`, the key's `#` sent as %23), and the scope check of one alert —
 * listed (and readable) for these users, neither listed nor readable (404) for those.
 */
import { expect } from 'vitest';
import type { Alert, AlertKind } from '../../../shared/domain/alert.ts';
import { demoUser } from '../../../infra/local/demo-county.ts';
import { api } from './api.ts';

const COUNTY = '420702000000';

/** Every open alert in the user's list, all pages (100 a page), newest first. */
export const openAlerts = async (user: string): Promise<Alert[]> => {
  const items: Alert[] = [];
  let cursor: string | undefined;
  do {
    const res = await api(user).get(`/alerts?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...(res.body.items as Alert[]));
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
};

export const alertPath = (kind: AlertKind, key: string) => `/alerts/${kind}/${encodeURIComponent(key)}`;

/** One alert, open or cleared, as the user may read it. */
export const readAlert = async (user: string, kind: AlertKind, key: string): Promise<Alert> => {
  const res = await api(user).get(alertPath(kind, key));
  expect([res.status, res.body.kind, res.body.key]).toEqual([200, kind, key]);
  return res.body as Alert;
};

/** Whether the demo county's alert is in the user's list. */
const listed = async (user: string, kind: AlertKind, key: string) =>
  (await openAlerts(user)).some((a) => a.countyCode === COUNTY && a.kind === kind && a.key === key);

/**
 * The demo county's open alert is in the lists of `seen` (and readable), absent for `unseen` and
 * 404 to them (a user of another county may hold an alert of its own under the same kind and key,
 * never this one).
 */
export const expectOpenInScope = async (
  kind: AlertKind,
  key: string,
  scope: { seen: readonly string[]; unseen: readonly string[] },
) => {
  for (const user of scope.seen) {
    expect([user, await listed(user, kind, key)]).toEqual([user, true]);
    expect((await readAlert(user, kind, key)).status).toBe('open');
  }
  for (const user of scope.unseen) {
    expect([user, await listed(user, kind, key)]).toEqual([user, false]);
    const res = await api(user).get(alertPath(kind, key));
    if (demoUser(user).scope.countyCode === COUNTY) expect([user, res.status]).toEqual([user, 404]);
    else expect([user, res.status === 200 ? res.body.countyCode : res.status]).not.toEqual([user, COUNTY]);
  }
};

/** Gone from every list it was in; read back cleared at `clearedAt`. */
export const expectCleared = async (
  kind: AlertKind,
  key: string,
  clearedAt: string,
  seen: readonly string[],
): Promise<Alert> => {
  for (const user of seen) expect([user, await listed(user, kind, key)]).toEqual([user, false]);
  const alert = await readAlert('county.staff', kind, key);
  expect(alert).toMatchObject({ status: 'cleared', clearedAt });
  return alert;
};

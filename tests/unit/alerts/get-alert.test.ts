import { describe, expect, it } from 'vitest';
import type { AlertScope } from '../../../shared/adapters/alert-store.ts';
import type { Identity } from '../../../shared/auth/identity.ts';
import { openAlert, type Alert } from '../../../shared/domain/alert.ts';
import { Forbidden, NotFound } from '../../../shared/http/errors.ts';
import { getAlert, listOpenAlerts } from '../../../shared/usecases/board/list-open-alerts.ts';

const COUNTY = '420702000000';
const village: Identity = {
  userId: 'u',
  username: 'village.taihe',
  role: 'village_cadre',
  countyCode: COUNTY,
  townCode: '420702100000',
  villageCode: '420702100201',
};

const alertAt = (scopeCode: string): Alert =>
  openAlert({
    kind: 'procedure_overdue',
    key: 'p-1',
    scopeCode,
    raisedAt: '2029-06-05T02:00:00.000Z',
    title: '监测识别程序超时：入户核查',
    detail: '…',
    links: [{ type: 'monitoring_procedure', id: 'p-1' }],
  });

describe('listing and reading alerts in scope', () => {
  it('lists a village cadre’s village (the village list, not the town’s)', async () => {
    const asked: AlertScope[] = [];
    const store = {
      listOpen: async (scope: AlertScope) => {
        asked.push(scope);
        return { items: [] };
      },
    };
    await listOpenAlerts(store, village, { limit: 10 });
    expect(asked).toEqual([{ countyCode: COUNTY, villageCode: '420702100201' }]);
    await expect(
      listOpenAlerts(store, { ...village, role: 'insurer_adjuster' }, { limit: 10 }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('reads one alert of the caller’s village, open or cleared; another village’s or a missing one is 404', async () => {
    const cleared: Alert = {
      ...alertAt('420702100201'),
      status: 'cleared',
      clearedAt: '2029-06-05T03:00:00.000Z',
    };
    const own = { get: async () => cleared };
    expect(await getAlert(own, village, 'procedure_overdue', 'p-1')).toEqual(cleared);
    const neighbours = { get: async () => alertAt('420702100202') };
    await expect(getAlert(neighbours, village, 'procedure_overdue', 'p-1')).rejects.toBeInstanceOf(NotFound);
    const none = { get: async () => undefined };
    await expect(getAlert(none, village, 'procedure_overdue', 'p-1')).rejects.toBeInstanceOf(NotFound);
  });
});

import { describe, expect, it } from 'vitest';
import type { MonitoringStore } from '../../../shared/adapters/monitoring-store.ts';
import type { Alert } from '../../../shared/domain/alert.ts';
import type { HouseholdMonitoring } from '../../../shared/domain/monitoring/household-monitoring.ts';
import { Procedure } from '../../../shared/domain/monitoring/procedure.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import { sweepOverdue } from '../../../shared/usecases/monitoring/overdue-sweep.ts';
import type { MonitoringDeps } from '../../../shared/usecases/monitoring/ports.ts';

const COUNTY = '420702000000';

const identification = (procedureId: string, openedAt: string, steps: string[] = []) =>
  Procedure.parse({
    procedureId,
    kind: 'identification',
    status: 'in_progress',
    householdId: `h-${procedureId}`,
    countyCode: COUNTY,
    townCode: '420702100000',
    villageCode: '420702100201',
    openedAt,
    openedBy: 'village.taihe',
    steps: Object.fromEntries(steps.map((s) => [s, { at: openedAt, by: 'x', role: 'village_cadre' }])),
    updatedAt: openedAt,
    version: 1,
  });

const setup = {
  householdId: 'h-9',
  villageCode: '420702100201',
  planId: 'p-9',
  setupDueAt: '2026-04-03T00:00:00.000Z',
} as HouseholdMonitoring;

const run = async (now: string) => {
  const raised: Alert[] = [];
  const cleared: string[] = [];
  const deps = {
    monitoring: {
      listProcedures: async () => ({
        items: [
          identification('late', '2026-03-28T02:00:00.000Z'),
          identification('fine', '2026-04-01T02:00:00.000Z'),
          identification('verified', '2026-03-28T02:00:00.000Z', ['home_verification']),
        ],
      }),
      setupPending: async () => [setup],
    } as unknown as MonitoringStore,
    alerts: {
      raise: async (alert: Alert) => {
        raised.push(alert);
        return true;
      },
      clear: async (_c: string, _k: string, key: string) => {
        cleared.push(key);
        return true;
      },
    },
    config: async (county: string, year: number) => yearConfigOf(county, year),
  } as unknown as MonitoringDeps;
  const result = await sweepOverdue(deps, [COUNTY], new Date(now));
  return { result, raised, cleared };
};

describe('the daily overdue sweep', () => {
  it('raises for a step past its due date and a late assistance set-up, clears the others', async () => {
    const { result, raised, cleared } = await run('2026-04-02T00:00:00.000Z');
    expect(result).toEqual({ counties: 1, raised: 1, cleared: 2, overdue: ['late'] });
    expect(raised.map((a) => [a.kind, a.key, a.title, a.scopeCode, a.countyCode])).toEqual([
      ['procedure_overdue', 'late', '监测识别程序超时：入户核查', '420702100201', COUNTY],
    ]);
    expect(raised[0]?.links).toEqual([
      { type: 'monitoring_procedure', id: 'late' },
      { type: 'household', id: 'h-late' },
    ]);
    expect(cleared).toEqual(['fine', 'verified']);
  });

  it('raises the next late step and the set-up alert once their due dates have passed', async () => {
    const { result, raised } = await run('2026-04-04T00:00:00.000Z');
    expect(result.overdue).toEqual(['late', 'verified', 'p-9#setup']);
    expect(raised.map((a) => a.key)).toEqual(['late', 'verified', 'p-9#setup']);
    expect(raised[1]?.title).toBe('监测识别程序超时：部门信息比对');
    expect(raised[2]?.title).toBe('监测帮扶联系人或帮扶计划超时未落实');
  });
});

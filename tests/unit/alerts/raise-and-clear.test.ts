/**
 * The raising and clearing rules fixed for issue 7's alerts: the fund's low-balance alert links the
 * fund and clears once a deposit lifts the balance; the unreachable alert links the campaign and
 * the village and keeps its count current while open; the overdue sweeps can be limited to some
 * records (a test's or an operator's re-run) and then touch nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/domain/alert.ts';
import type { Campaign } from '../../../shared/domain/campaign/campaign.ts';
import type { Fund } from '../../../shared/domain/fund/ledger.ts';
import { Procedure } from '../../../shared/domain/monitoring/procedure.ts';
import { shanghaiDateTime } from '../../../shared/domain/shanghai-time.ts';
import type { VerificationTask } from '../../../shared/domain/verification/task.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import { syncUnreachableAlert } from '../../../shared/usecases/campaigns/record-check.ts';
import type { CampaignDeps } from '../../../shared/usecases/campaigns/ports.ts';
import { sweepOverdue } from '../../../shared/usecases/monitoring/overdue-sweep.ts';
import type { MonitoringDeps } from '../../../shared/usecases/monitoring/ports.ts';
import { checkLowBalance } from '../../../shared/usecases/payouts/steps.ts';
import type { PayoutDeps } from '../../../shared/usecases/payouts/ports.ts';
import { checkOverdueVerifications } from '../../../shared/usecases/verification/overdue.ts';

const COUNTY = '420702000000';
const TAIHE = '420702100201';

/** An alert store that records what it was asked, with an open set like the real one. */
const recordingAlerts = () => {
  const open = new Map<string, Alert>();
  const calls: string[] = [];
  return {
    open,
    calls,
    alerts: {
      raise: async (alert: Alert) => {
        calls.push(`raise ${alert.key}`);
        if (open.has(alert.key)) return false;
        open.set(alert.key, alert);
        return true;
      },
      refresh: async (alert: Pick<Alert, 'key' | 'title' | 'detail' | 'links'>) => {
        calls.push(`refresh ${alert.key}`);
        const current = open.get(alert.key);
        if (!current) return false;
        open.set(alert.key, { ...current, title: alert.title, detail: alert.detail, links: alert.links });
        return true;
      },
      clear: async (_county: string, _kind: string, key: string) => {
        calls.push(`clear ${key}`);
        return open.delete(key);
      },
    },
  };
};

describe('fund_balance_low', () => {
  const fund = (availableFen: number): Fund => ({
    fundId: 'fund-420702-2022',
    countyCode: COUNTY,
    year: 2022,
    name: '2022年度防贫保障基金',
    depositsFen: 100_000,
    reservedFen: 100_000 - availableFen,
    disbursedFen: 0,
    availableFen,
    createdAt: '2022-01-01T00:00:00.000Z',
    updatedAt: '2022-01-01T00:00:00.000Z',
  });
  const depsWith = (current: { fund: Fund }, store: ReturnType<typeof recordingAlerts>) =>
    ({
      funds: { get: async () => current.fund },
      config: { get: async (county: string, year: number) => yearConfigOf(county, year) },
      alerts: store.alerts,
    }) as unknown as PayoutDeps;

  it('links the fund when the balance drops under 10 % of the deposits, and clears once lifted', async () => {
    const store = recordingAlerts();
    const current = { fund: fund(9_999) };
    await checkLowBalance(depsWith(current, store), 'fund-420702-2022', new Date('2022-06-01T02:00:00Z'));
    expect(store.open.get('fund-420702-2022')).toMatchObject({
      kind: 'fund_balance_low',
      scopeCode: COUNTY,
      raisedAt: '2022-06-01T02:00:00.000Z',
      detail: '2022年度防贫保障基金可用余额 99.99 元，低于本年度注资 1,000 元的 10%',
      links: [{ type: 'fund', id: 'fund-420702-2022' }],
    });
    current.fund = fund(10_000);
    await checkLowBalance(depsWith(current, store), 'fund-420702-2022', new Date('2022-06-02T02:00:00Z'));
    expect(store.calls).toEqual(['raise fund-420702-2022', 'clear fund-420702-2022']);
    expect(store.open.size).toBe(0);
  });
});

describe('unreachable_persons', () => {
  const campaign = { campaignId: 'c-1', countyCode: COUNTY, name: '春季排查' } as Campaign;
  const depsWith = (counter: { unreachable: number }, store: ReturnType<typeof recordingAlerts>) =>
    ({
      campaigns: { villageCounters: async () => ({ unreachable: counter.unreachable }) },
      alerts: store.alerts,
    }) as unknown as CampaignDeps;

  it('raises with the campaign and village links, keeps the count current, clears at zero', async () => {
    const store = recordingAlerts();
    const counter = { unreachable: 1 };
    const sync = (now: string) =>
      syncUnreachableAlert(depsWith(counter, store), campaign, TAIHE, new Date(now));
    await sync('2029-04-01T02:00:00Z');
    const key = `c-1#${TAIHE}`;
    expect(store.open.get(key)).toMatchObject({
      scopeCode: TAIHE,
      raisedAt: '2029-04-01T02:00:00.000Z',
      detail: '“春季排查”中本村有农户无人在家且无法联系（当前 1 户），请再次入户或电话联系后重新录入排查结果',
      links: [
        { type: 'campaign', id: 'c-1' },
        { type: 'region', id: TAIHE },
      ],
    });
    counter.unreachable = 3;
    await sync('2029-04-02T02:00:00Z');
    expect(store.open.get(key)?.detail).toContain('（当前 3 户）');
    expect(store.open.get(key)?.raisedAt).toBe('2029-04-01T02:00:00.000Z');
    counter.unreachable = 0;
    await sync('2029-04-03T02:00:00Z');
    expect(store.calls).toEqual([`raise ${key}`, `raise ${key}`, `refresh ${key}`, `clear ${key}`]);
    expect(store.open.size).toBe(0);
  });
});

describe('overdue sweeps limited to some records', () => {
  it('verification: only the listed cases’ late tasks raise', async () => {
    const store = recordingAlerts();
    const task = (caseId: string) =>
      ({
        caseId,
        round: 1,
        villageCode: TAIHE,
        adjuster: 'adjuster.li',
        deadline: '2029-03-11T02:00:00.000Z',
      }) as VerificationTask;
    const deps = {
      verification: { openTasksDueBefore: async () => [task('mine'), task('theirs')] },
      alerts: store.alerts,
      listCounties: async () => [COUNTY],
    };
    const now = new Date('2029-03-12T02:00:00Z');
    expect(await checkOverdueVerifications(deps as never, now, new Set(['mine']))).toEqual({
      overdue: 1,
      raised: 1,
    });
    expect(store.calls).toEqual(['raise mine#1']);
    expect(await checkOverdueVerifications(deps as never, now)).toEqual({ overdue: 2, raised: 1 });
  });

  it('monitoring: only the listed procedures raise or clear', async () => {
    const store = recordingAlerts();
    const procedure = (procedureId: string, openedAt: string) =>
      Procedure.parse({
        procedureId,
        kind: 'identification',
        status: 'in_progress',
        householdId: `h-${procedureId}`,
        countyCode: COUNTY,
        townCode: '420702100000',
        villageCode: TAIHE,
        openedAt,
        openedBy: 'village.taihe',
        steps: {},
        updatedAt: openedAt,
        version: 1,
      });
    const deps = {
      monitoring: {
        listProcedures: async () => ({
          items: [
            procedure('mine', '2029-06-01T02:00:00.000Z'),
            procedure('theirs-late', '2029-06-01T02:00:00.000Z'),
            procedure('theirs-fine', '2029-06-04T02:00:00.000Z'),
          ],
        }),
        setupPending: async () => [],
      },
      alerts: store.alerts,
      config: async (county: string, year: number) => yearConfigOf(county, year),
    } as unknown as MonitoringDeps;
    const result = await sweepOverdue(deps, [COUNTY], new Date('2029-06-05T02:00:00Z'), new Set(['mine']));
    expect(result).toEqual({ counties: 1, raised: 1, cleared: 0, overdue: ['mine'] });
    expect(store.calls).toEqual(['raise mine']);
    expect(store.open.get('mine')?.detail).toBe(
      '“入户核查”应于 2029-06-04 10:00 前完成，整个识别程序应在 15 天内办结',
    );
  });

  it('writes due moments in Beijing time for people', () => {
    expect(shanghaiDateTime(new Date('2029-06-04T02:00:00.000Z'))).toBe('2029-06-04 10:00');
    expect(shanghaiDateTime(new Date('2029-06-04T16:30:59.999Z'))).toBe('2029-06-05 00:30');
  });
});

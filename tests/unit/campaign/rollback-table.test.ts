import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/domain/campaign/campaign.ts';
import {
  countsInTable,
  rollbackLine,
  rollbackTotals,
  rollUpLines,
} from '../../../shared/domain/campaign/rollback-table.ts';
import type { Procedure } from '../../../shared/domain/monitoring/procedure.ts';

const campaign: Campaign = {
  campaignId: 'c1',
  countyCode: '420702000000',
  name: '2026年春季回头看',
  scope: { level: 'towns', codes: ['420702100000'] },
  incomePeriod: { from: '2026-01-01', to: '2026-03-31' },
  deadlines: { plan: '2026-03-10', fieldCheck: '2026-04-10', fixes: '2026-04-20', summary: '2026-04-30' },
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'county.staff',
};

const procedure = (over: Partial<Procedure>): Procedure => ({
  procedureId: 'p1',
  kind: 'rollback',
  status: 'completed',
  householdId: 'h1',
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  openedAt: '2026-03-01T00:00:00.000Z',
  openedBy: 'village.taihe',
  greenChannel: false,
  steps: {},
  change: { reason: '因病返贫风险再现', evidenceUploadIds: [] },
  // 2026-04-30 23:30 in Shanghai: the period's last day
  outcome: { at: '2026-04-30T15:30:00.000Z', result: 'approved' },
  updatedAt: '2026-04-30T15:30:00.000Z',
  version: 5,
  ...over,
});

describe('附件5 lines', () => {
  it('takes completed rollbacks and removals approved in the period (Shanghai days) inside the scope', () => {
    expect(countsInTable(campaign, procedure({}))).toBe(true);
    expect(countsInTable(campaign, procedure({ kind: 'removal' }))).toBe(true);
    expect(countsInTable(campaign, procedure({ kind: 'elimination' }))).toBe(false);
    expect(countsInTable(campaign, procedure({ status: 'in_progress' }))).toBe(false);
    // 2026-05-01 00:30 in Shanghai
    expect(
      countsInTable(campaign, procedure({ outcome: { at: '2026-04-30T16:30:00.000Z', result: 'approved' } })),
    ).toBe(false);
    expect(
      countsInTable(campaign, procedure({ villageCode: '420702101201', townCode: '420702101000' })),
    ).toBe(false);
  });

  it('a line has the head, active persons, risks in Chinese and the reason; totals count households once', () => {
    const household = {
      headName: '王大山',
      members: [
        { relation: 'head', status: 'active', idNumber: '420702198001010012' },
        { relation: 'spouse', status: 'active', idNumber: '420702198201010021' },
        { relation: 'son', status: 'left', idNumber: '420702200501010031' },
      ],
    } as never;
    const line = rollbackLine(procedure({}), household, {
      monitoredSince: '2026-04-30T15:30:00.000Z',
      risks: ['illness', 'lack_of_labour'],
    });
    expect(line).toMatchObject({
      headName: '王大山',
      headIdNumber: '420702198001010012',
      persons: 2,
      monitoredSince: '2026-04-30',
      risks: ['因病', '缺劳动力'],
      kindZh: '回退',
      reason: '因病返贫风险再现',
      approvedOn: '2026-04-30',
    });
    const removal = { ...line, procedureId: 'p2', householdId: 'h2', kind: 'removal' as const, persons: 5 };
    expect(rollbackTotals([line, { ...line, procedureId: 'p3' }, removal])).toEqual({
      rollback: { households: 1, persons: 2 },
      removal: { households: 1, persons: 5 },
    });
    const elsewhere = {
      ...removal,
      householdId: 'h4',
      villageCode: '420702101201',
      townCode: '420702101000',
    };
    expect(rollUpLines([line, removal, elsewhere], 'town')).toEqual([
      {
        code: '420702100000',
        totals: { rollback: { households: 1, persons: 2 }, removal: { households: 1, persons: 5 } },
      },
      {
        code: '420702101000',
        totals: { rollback: { households: 0, persons: 0 }, removal: { households: 1, persons: 5 } },
      },
    ]);
    expect(rollUpLines([line, removal, elsewhere], 'county')).toEqual([
      {
        code: '420702000000',
        totals: { rollback: { households: 1, persons: 2 }, removal: { households: 2, persons: 10 } },
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkedType, nextCheck, type CampaignCheck } from '../../../shared/domain/campaign/check.ts';
import { contribution, counterDelta, type Counters } from '../../../shared/domain/campaign/counters.ts';
import { summarize } from '../../../shared/domain/campaign/summary.ts';
import { summaryCells } from '../../../shared/usecases/campaigns/summary-xlsx.ts';

const TOWN_A = '420702100000';
const TOWN_B = '420702101000';
const V1 = '420702100201';
const V2 = '420702100202';
const V3 = '420702101201';

type Counted = Parameters<typeof contribution>[0];
const check = (over: Partial<Counted>): Counted => ({
  checkedType: 'general',
  method: 'in_person',
  late: false,
  findings: 'none',
  persons: 3,
  ...over,
});

/** Sums the contributions of checks per village, as the store's ADDs would. */
const countersOf = (checks: Counted[]): Counters => {
  const out: Record<string, number> = {};
  for (const c of checks)
    for (const [k, v] of Object.entries(contribution(c))) out[k] = (out[k] ?? 0) + (v ?? 0);
  return out;
};

describe('附件2 type of a checked household', () => {
  it('counts monitored and eliminated households as 监测对象, a removed one by its registry type', () => {
    expect(checkedType('general')).toBe('general');
    expect(checkedType('lifted')).toBe('lifted');
    expect(checkedType('lifted', 'monitored')).toBe('monitored');
    expect(checkedType('lifted', 'eliminated')).toBe('monitored');
    expect(checkedType('general', 'removed')).toBe('general');
    expect(checkedType('monitored')).toBe('monitored');
  });
});

describe('counters of a check', () => {
  it('one for the type, unreachable and late flags, households and persons for the finding', () => {
    expect(
      contribution(
        check({
          checkedType: 'lifted',
          method: 'unreachable',
          late: true,
          findings: 'to_roll_back',
          category: 'marginal',
          persons: 4,
        }),
      ),
    ).toEqual({
      checked_lifted: 1,
      unreachable: 1,
      late: 1,
      toRollBackOrRemove_marginal_h: 1,
      toRollBackOrRemove_marginal_p: 4,
    });
  });

  it('a replacement adds only the difference (and nothing when equal)', () => {
    const before = check({ method: 'unreachable' });
    const after = check({
      method: 'in_person',
      findings: 'newly_identified',
      category: 'sudden_hardship',
      persons: 2,
    });
    expect(counterDelta(after, before)).toEqual({
      unreachable: -1,
      newlyIdentified_sudden_hardship_h: 1,
      newlyIdentified_sudden_hardship_p: 2,
    });
    expect(counterDelta(before, before)).toEqual({});
    expect(counterDelta(before)).toEqual({ checked_general: 1, unreachable: 1 });
  });

  it('nextCheck keeps the earlier record in the history and bumps the version', () => {
    const base = {
      campaignId: 'c',
      householdId: 'h',
      countyCode: '420702000000',
      townCode: TOWN_A,
      villageCode: V1,
      method: 'phone' as const,
      findings: 'none' as const,
      checkedType: 'general' as const,
      persons: 3,
      late: false,
      checkedAt: '2026-03-01T00:00:00.000Z',
      checkedBy: 'village.taihe',
    };
    const first: CampaignCheck = nextCheck(base, undefined);
    expect(first).toMatchObject({ version: 1, history: [] });
    const second = nextCheck({ ...base, method: 'in_person', checkedAt: '2026-03-02T00:00:00.000Z' }, first);
    expect(second.version).toBe(2);
    expect(second.history).toEqual([
      {
        method: 'phone',
        findings: 'none',
        checkedType: 'general',
        persons: 3,
        late: false,
        checkedAt: '2026-03-01T00:00:00.000Z',
        checkedBy: 'village.taihe',
      },
    ]);
  });
});

describe('附件2 summary from counters', () => {
  const villages = [
    {
      villageCode: V1,
      townCode: TOWN_A,
      counters: countersOf([
        check({}),
        check({
          checkedType: 'lifted',
          findings: 'newly_identified',
          category: 'unstable_lifted',
          persons: 4,
        }),
        check({ checkedType: 'monitored', findings: 'to_eliminate', category: 'marginal', persons: 2 }),
        check({ method: 'unreachable', persons: 5 }),
      ]),
    },
    {
      villageCode: V2,
      townCode: TOWN_A,
      counters: countersOf([
        check({ findings: 'newly_identified', category: 'marginal', persons: 3 }),
        check({
          checkedType: 'monitored',
          findings: 'to_remove',
          category: 'sudden_hardship',
          persons: 1,
          late: true,
        }),
      ]),
    },
    {
      villageCode: V3,
      townCode: TOWN_B,
      counters: countersOf([
        check({ checkedType: 'monitored', findings: 'to_roll_back', category: 'marginal', persons: 6 }),
      ]),
    },
  ];
  const names = (code: string) =>
    ({ [V1]: '太和村', [V2]: '邵家垅村', [V3]: '东沟村', [TOWN_A]: '甲镇', [TOWN_B]: '乙镇' })[code] ?? code;

  it('one row per village of a town, hand-counted', () => {
    const s = summarize('c', 'village', TOWN_A, villages, names);
    expect(s.rows.map((r) => [r.name, r.checked])).toEqual([
      ['太和村', { total: 4, general: 2, lifted: 1, monitored: 1 }],
      ['邵家垅村', { total: 2, general: 1, lifted: 0, monitored: 1 }],
    ]);
    expect(s.total.newlyIdentified).toEqual({
      total: { households: 2, persons: 7 },
      unstable_lifted: { households: 1, persons: 4 },
      marginal: { households: 1, persons: 3 },
      sudden_hardship: { households: 0, persons: 0 },
    });
    expect(s.total.toEliminate.total).toEqual({ households: 1, persons: 2 });
    expect(s.total.toRollBackOrRemove.sudden_hardship).toEqual({ households: 1, persons: 1 });
    expect([s.total.unreachable, s.total.late]).toEqual([1, 1]);
    expect(s.total.checked.total).toBe(6);
  });

  it('towns of the county and the county row roll the villages up', () => {
    const byTown = summarize('c', 'town', '420702000000', villages, names);
    expect(byTown.rows.map((r) => [r.code, r.checked.total, r.toRollBackOrRemove.total])).toEqual([
      [TOWN_A, 6, { households: 1, persons: 1 }],
      [TOWN_B, 1, { households: 1, persons: 6 }],
    ]);
    const county = summarize('c', 'county', '420702000000', villages, names);
    expect(county.rows).toHaveLength(1);
    expect(county.rows[0]?.checked.total).toBe(7);
    expect(county.total.toRollBackOrRemove.marginal).toEqual({ households: 1, persons: 6 });
  });

  it('writes the 30 cells of the form in its order', () => {
    const s = summarize('c', 'village', V1, villages, names);
    expect(summaryCells(s.total)).toEqual([
      '合计',
      4,
      2,
      1,
      1,
      1,
      4,
      1,
      4,
      0,
      0,
      0,
      0,
      1,
      2,
      0,
      0,
      1,
      2,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      '无法联系 1 户',
    ]);
  });
});

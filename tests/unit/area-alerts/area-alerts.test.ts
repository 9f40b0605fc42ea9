import { describe, expect, it } from 'vitest';
import {
  areaAlertSync,
  areaAlertsOf,
  basisPointsOf,
  isBlankVillage,
  percentText,
  shareAbove,
  sharePerMille,
  type AreaRegion,
  type VillageTally,
} from '../../../shared/domain/area-alerts.ts';

const TOWN = '429901001000';
const V1 = '429901001001';
const V2 = '429901001002';
const V3 = '429901001003';

const tally = (
  villageCode: string,
  households: number,
  status: { monitored?: number; eliminated?: number; removed?: number } = {},
): VillageTally => ({
  villageCode,
  townCode: `${villageCode.slice(0, 9)}000`,
  households,
  byStatus: {
    monitored: { households: status.monitored ?? 0, persons: 0 },
    eliminated: { households: status.eliminated ?? 0, persons: 0 },
    removed: { households: status.removed ?? 0, persons: 0 },
  },
});

const REGIONS: AreaRegion[] = [
  { code: TOWN, name: '试验镇', level: 'town' },
  { code: V1, name: '一村', level: 'village' },
  { code: V2, name: '二村', level: 'village' },
  { code: V3, name: '三村', level: 'village' },
];

const SHARE_BP = basisPointsOf(0.02);

describe('the 2 % rule', () => {
  it('is strictly above: 10 of 500 (2.0 %) is not, 11 of 500 (2.2 %) is', () => {
    expect(SHARE_BP).toBe(200);
    expect(shareAbove(10, 500, SHARE_BP)).toBe(false);
    expect(shareAbove(11, 500, SHARE_BP)).toBe(true);
    expect(shareAbove(1, 50, SHARE_BP)).toBe(false);
    expect(shareAbove(2, 50, SHARE_BP)).toBe(true);
    expect(shareAbove(0, 0, SHARE_BP)).toBe(false);
  });

  it('writes shares with one decimal, rounded half up', () => {
    expect(percentText(12, 500)).toBe('2.4%');
    expect(percentText(10, 500)).toBe('2.0%');
    expect(percentText(1, 3)).toBe('33.3%');
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(1, 800)).toBe('0.1%');
    expect(sharePerMille(1, 2000)).toBe(1);
    expect(sharePerMille(0, 0)).toBe(0);
  });

  it('raises the village alert at 11 of 500, naming the numbers, and none at 10 of 500', () => {
    const none = areaAlertsOf({
      regions: REGIONS.slice(0, 2),
      villages: [tally(V1, 500, { monitored: 10 })],
      shareBp: SHARE_BP,
    });
    expect(none).toEqual([]);
    const raised = areaAlertsOf({
      regions: REGIONS.slice(1, 2),
      villages: [tally(V1, 500, { monitored: 11 })],
      shareBp: SHARE_BP,
    });
    expect(raised).toEqual([
      {
        kind: 'monitored_share_high',
        key: `village#${V1}`,
        scopeCode: V1,
        title: '未消除风险监测对象占比超过 2%：一村',
        detail:
          '未消除风险监测对象占比 2.2%（11/500 户），超过 2%：一村未消除风险的监测对象 11 户，全村在册 500 户。' +
          '占比严格大于 2% 时预警，等于 2% 不预警；请重点关注。',
        householdsOf: { level: 'village', code: V1 },
      },
    ]);
  });

  it('sums a town over all its villages, including villages with no counter yet', () => {
    // 6/200 = 3 % in V1 (alert), 0/300 in V2, V3 has no counter item: town 6/500 = 1.2 %.
    const calm = areaAlertsOf({
      regions: REGIONS,
      villages: [tally(V1, 200, { monitored: 6 }), tally(V2, 300, { eliminated: 4 })],
      shareBp: SHARE_BP,
    });
    expect(calm.map((a) => [a.kind, a.key])).toEqual([
      ['monitored_share_high', `village#${V1}`],
      ['blank_village', `village#${V3}`],
    ]);
    // 6 + 5 = 11 of 500 = 2.2 %: the town too; V2 at 5/300 = 1.7 % is not.
    const high = areaAlertsOf({
      regions: REGIONS,
      villages: [tally(V1, 200, { monitored: 6 }), tally(V2, 300, { monitored: 5 })],
      shareBp: SHARE_BP,
    });
    expect(high.map((a) => [a.kind, a.key])).toEqual([
      ['monitored_share_high', `village#${V1}`],
      ['blank_village', `village#${V3}`],
      ['monitored_share_high', `town#${TOWN}`],
    ]);
    expect(high.at(-1)).toMatchObject({
      title: '未消除风险监测对象占比超过 2%：试验镇',
      detail: expect.stringContaining('未消除风险监测对象占比 2.2%（11/500 户），超过 2%'),
      householdsOf: { level: 'town', code: TOWN },
    });
    // exactly 10 of 500 in the town: no town alert
    const exact = areaAlertsOf({
      regions: REGIONS,
      villages: [tally(V1, 200, { monitored: 4 }), tally(V2, 300, { monitored: 6 }), tally(V3, 0)],
      shareBp: SHARE_BP,
    });
    expect(exact.map((a) => a.key)).toEqual([`village#${V3}`]);
  });

  it('follows the configured share', () => {
    const alerts = areaAlertsOf({
      regions: REGIONS.slice(1, 2),
      villages: [tally(V1, 100, { monitored: 3 })],
      shareBp: basisPointsOf(0.025),
    });
    expect(alerts.map((a) => a.title)).toEqual(['未消除风险监测对象占比超过 2.5%：一村']);
  });
});

describe('the blank village (空白村)', () => {
  it('is a village with no household monitored or eliminated', () => {
    expect(isBlankVillage(tally(V1, 120))).toBe(true);
    expect(isBlankVillage(tally(V1, 120, { eliminated: 3 }))).toBe(false);
    expect(isBlankVillage(tally(V1, 120, { monitored: 1 }))).toBe(false);
    expect(isBlankVillage(tally(V1, 120, { removed: 2 }))).toBe(true);
  });

  it('is not raised for a village with only eliminated households; is raised when all were removed', () => {
    const onlyEliminated = areaAlertsOf({
      regions: REGIONS.slice(1, 2),
      villages: [tally(V1, 80, { eliminated: 2 })],
      shareBp: SHARE_BP,
    });
    expect(onlyEliminated).toEqual([]);
    const allRemoved = areaAlertsOf({
      regions: REGIONS.slice(1, 2),
      villages: [tally(V1, 80, { removed: 2 })],
      shareBp: SHARE_BP,
    });
    expect(allRemoved).toEqual([
      {
        kind: 'blank_village',
        key: `village#${V1}`,
        scopeCode: V1,
        title: '空白村：一村无监测对象',
        detail:
          '一村在册 80 户，无监测对象（监测中 0 户、风险已消除 0 户，曾纳入后已清退 2 户）。请核实是否存在应纳尽纳的遗漏。',
      },
    ]);
  });

  it('counts a village of the region index with no counter item as blank with 0 households', () => {
    const alerts = areaAlertsOf({ regions: REGIONS.slice(3), villages: [], shareBp: SHARE_BP });
    expect(alerts.map((a) => a.detail)).toEqual([
      '三村在册 0 户，无监测对象（监测中 0 户、风险已消除 0 户）。请核实是否存在应纳尽纳的遗漏。',
    ]);
  });
});

describe('the sync with the open alerts', () => {
  it('raises what is missing, rewrites moved figures, clears what no longer holds, leaves other kinds and regions alone', () => {
    const holding = areaAlertsOf({
      regions: REGIONS,
      villages: [
        tally(V1, 50, { monitored: 2 }),
        tally(V2, 50, { monitored: 1 }),
        tally(V3, 10, { monitored: 0 }),
      ],
      shareBp: SHARE_BP,
    });
    expect(holding.map((a) => a.key)).toEqual([`village#${V1}`, `village#${V3}`, `town#${TOWN}`]);
    const [v1] = holding;
    const open = [
      {
        kind: 'monitored_share_high' as const,
        key: `village#${V1}`,
        scopeCode: V1,
        title: v1?.title ?? '',
        detail: v1?.detail ?? '',
      },
      { kind: 'monitored_share_high' as const, key: `village#${V2}`, scopeCode: V2, title: 't', detail: 'd' },
      {
        kind: 'monitored_share_high' as const,
        key: `town#${TOWN}`,
        scopeCode: TOWN,
        title: 't',
        detail: '2.1%（2/95 户）',
      },
      {
        kind: 'blank_village' as const,
        key: 'village#429901002001',
        scopeCode: '429901002001',
        title: 't',
        detail: 'd',
      },
      { kind: 'procedure_overdue' as const, key: 'p-1', scopeCode: V2, title: 't', detail: 'd' },
    ];
    const sync = areaAlertSync(holding, open, TOWN);
    expect(sync.raise.map((a) => [a.kind, a.key])).toEqual([['blank_village', `village#${V3}`]]);
    expect(sync.update.map((a) => [a.kind, a.key])).toEqual([['monitored_share_high', `town#${TOWN}`]]);
    expect(sync.clear.map((a) => [a.kind, a.key])).toEqual([['monitored_share_high', `village#${V2}`]]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AlertScope } from '../../../shared/adapters/alert-store.ts';
import type { Identity } from '../../../shared/auth/identity.ts';
import { villageCountsOf } from '../../../shared/domain/area-counts.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import { getDashboard, type DashboardDeps } from '../../../shared/usecases/dashboard/dashboard.ts';

const COUNTY = '429901000000';
const T1 = '429901001000';
const V1 = '429901001001';
const V2 = '429901001002';
const T2 = '429901002000';
const V3 = '429901002001';

const fakes = () => {
  const asked: { villages: (string | undefined)[]; months: string[][]; alerts: AlertScope[] } = {
    villages: [],
    months: [],
    alerts: [],
  };
  const items = [
    {
      villageCode: V1,
      households: 100,
      persons: 300,
      status_monitored: 3,
      status_monitored_persons: 9,
      category_marginal: 3,
      risk_illness: 3,
      type_general: 97,
      type_monitored: 3,
    },
    {
      villageCode: V2,
      households: 50,
      persons: 120,
      status_eliminated: 2,
      status_eliminated_persons: 5,
      type_general: 50,
    },
  ];
  const deps: DashboardDeps = {
    regions: {
      listCounty: async () => [
        { code: COUNTY, name: '试验县', level: 'county' },
        { code: T1, name: '一镇', level: 'town' },
        { code: V1, name: '一村', level: 'village' },
        { code: V2, name: '二村', level: 'village' },
        { code: T2, name: '二镇', level: 'town' },
        { code: V3, name: '三村', level: 'village' },
      ],
    },
    counts: {
      villages: async (_county, within) => {
        asked.villages.push(within);
        return items
          .filter(
            (i) => !within || i.villageCode.startsWith(within.slice(0, within.endsWith('000') ? 9 : 12)),
          )
          .map(villageCountsOf);
      },
      months: async (_county, from, to) => {
        asked.months.push([from, to]);
        return [];
      },
    },
    config: async (countyCode, year) => yearConfigOf(countyCode, year),
    alerts: {
      listOpen: async (scope) => {
        asked.alerts.push(scope);
        return { items: [] };
      },
    },
  };
  return { deps, asked };
};

const staff: Identity = { userId: 'u', username: 'staff', role: 'county_staff', countyCode: COUNTY };
const NOW = new Date('2026-06-15T02:00:00.000Z');

describe('the dashboard use case', () => {
  it('sums the county by town, counts blank villages, and asks each store once', async () => {
    const { deps, asked } = fakes();
    const view = await getDashboard(deps, staff, {}, NOW);
    expect(view.scope).toEqual({ level: 'county', code: COUNTY, name: '试验县' });
    expect(view.totals).toMatchObject({ households: 150, persons: 420, villages: 3, blankVillages: 1 });
    expect(view.totals.unresolved).toEqual({
      households: 3,
      persons: 9,
      sharePercent: 2,
      shareText: '2.0%',
      aboveThreshold: false,
    });
    expect(view.areas.map((a) => [a.code, a.households, a.unresolved, a.shareText, a.blankVillages])).toEqual(
      [
        [T1, 150, 3, '2.0%', 0],
        [T2, 0, 0, '0.0%', 1],
      ],
    );
    expect(asked).toEqual({
      villages: [undefined],
      months: [['2025-07', '2026-06']],
      alerts: [{ countyCode: COUNTY }],
    });
  });

  it('narrows to a town or a village inside the scope; refuses a village outside the town named', async () => {
    const { deps, asked } = fakes();
    const town = await getDashboard(deps, staff, { townCode: T1 }, NOW);
    expect(town.areas.map((a) => [a.code, a.shareText, a.aboveThreshold])).toEqual([
      [V1, '3.0%', true],
      [V2, '0.0%', false],
    ]);
    const village = await getDashboard(
      deps,
      { ...staff, role: 'village_cadre', townCode: T1, villageCode: V2 },
      {},
      NOW,
    );
    expect(village.scope).toEqual({ level: 'village', code: V2, name: '二村' });
    expect(village.totals.blankVillages).toBe(0);
    expect(asked.alerts).toEqual([
      { countyCode: COUNTY, townCode: T1 },
      { countyCode: COUNTY, villageCode: V2 },
    ]);
    await expect(getDashboard(deps, staff, { townCode: T2, villageCode: V1 }, NOW)).rejects.toMatchObject({
      issues: [{ path: 'query.villageCode', message: '该村不属于所选乡镇' }],
    });
    await expect(
      getDashboard(deps, { ...staff, role: 'town_official', townCode: T1 }, { townCode: T2 }, NOW),
    ).rejects.toMatchObject({ status: 404 });
  });
});

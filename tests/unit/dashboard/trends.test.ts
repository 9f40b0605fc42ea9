import { describe, expect, it } from 'vitest';
import type { MonthTrend } from '../../../shared/domain/area-counts.ts';
import { trendMonths, trendsOf } from '../../../shared/usecases/dashboard/trends.ts';

const events = (e: Partial<MonthTrend['events']>): MonthTrend['events'] => ({
  households_added: 0,
  identified: 0,
  eliminated: 0,
  rolled_back: 0,
  removed: 0,
  ...e,
});
const item = (month: string, villageCode: string, e: Partial<MonthTrend['events']>): MonthTrend => ({
  month,
  townCode: `${villageCode.slice(0, 9)}000`,
  villageCode,
  events: events(e),
});

describe('dashboard trends', () => {
  it('takes the 12 months ending with the month of now in Asia/Shanghai', () => {
    // 2026-03-31T17:00Z is 1 April 01:00 in Shanghai
    expect(trendMonths(new Date('2026-03-31T17:00:00.000Z'))).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(trendMonths(new Date('2026-03-31T15:00:00.000Z')).at(-1)).toBe('2026-03');
  });

  it('sums villages per month and derives the unresolved count at each month end from the current one', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const rows = trendsOf(
      months,
      [
        item('2026-02', '429901001001', { households_added: 40, identified: 3 }),
        item('2026-02', '429901001002', { identified: 2, removed: 1 }),
        item('2026-03', '429901001001', { eliminated: 2, rolled_back: 1 }),
        item('2026-04', '429901001002', { identified: 1 }),
        item('2025-12', '429901001001', { identified: 9 }),
      ],
      7,
    );
    expect(rows).toEqual([
      { month: '2026-01', events: events({}), unresolvedAtMonthEnd: 3 },
      {
        month: '2026-02',
        events: events({ households_added: 40, identified: 5, removed: 1 }),
        unresolvedAtMonthEnd: 7,
      },
      { month: '2026-03', events: events({ eliminated: 2, rolled_back: 1 }), unresolvedAtMonthEnd: 6 },
      { month: '2026-04', events: events({ identified: 1 }), unresolvedAtMonthEnd: 7 },
    ]);
  });
});

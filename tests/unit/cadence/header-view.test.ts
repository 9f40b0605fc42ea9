import { describe, expect, it } from 'vitest';
import { headerView } from '../../../shared/usecases/cadence/read-lists.ts';
import type { ListHeader } from '../../../shared/domain/cadence/list.ts';

describe('a kept list header, seen from a region', () => {
  const header: ListHeader = {
    kind: 'comparison',
    countyCode: '420702000000',
    period: '2031-03',
    runId: 'r',
    startedAt: 's',
    generatedAt: 'g',
    requestedBy: 'schedule',
    counts: { entries: 3, not_monitored: 2, income_above_line: 1, departmentRows: 9 },
    byTown: {
      '420702100000': { entries: 2, not_monitored: 2 },
      '420702101000': { entries: 1, income_above_line: 1 },
    },
    byVillage: {
      '420702100201': { entries: 1, not_monitored: 1 },
      '420702100202': { entries: 1, not_monitored: 1 },
      '420702101201': { entries: 1, income_above_line: 1 },
    },
    notes: [],
  };

  it('shows the county everything, a town its villages, a village itself only', () => {
    expect(headerView(header, '420702000000')).toMatchObject({
      counts: header.counts,
      byTown: header.byTown,
    });
    const town = headerView(header, '420702100000');
    expect([town.counts, town.byTown, Object.keys(town.byVillage)]).toEqual([
      { entries: 2, not_monitored: 2 },
      { '420702100000': { entries: 2, not_monitored: 2 } },
      ['420702100201', '420702100202'],
    ]);
    const village = headerView(header, '420702101201');
    expect([village.counts, village.byTown, village.byVillage]).toEqual([
      { entries: 1, income_above_line: 1 },
      {},
      { '420702101201': { entries: 1, income_above_line: 1 } },
    ]);
  });
});

import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { declaration } from '../../../shared/platform/declaration.ts';
import { routeKey } from '../../../shared/http/route.ts';
import { handler } from '../../../functions/cadence/api.ts';
import type { ApiEvent } from '../../../shared/http/api-handler.ts';
import { headerView } from '../../../shared/usecases/cadence/read-lists.ts';
import type { ListHeader } from '../../../shared/domain/cadence/list.ts';

const eventFor = (key: string) =>
  ({ routeKey: key, headers: {}, requestContext: { requestId: 'r1', routeKey: key } }) as unknown as ApiEvent;
const context = { functionName: 'cadence-api', awsRequestId: 'r1' } as unknown as Context;

describe('the cadence API function', () => {
  it('serves every route declared for it, each through its own contract (401 without a token)', async () => {
    const routes = declaration.routes.filter((r) => r.function === 'cadence-api');
    expect(routes.map(routeKey)).toEqual([
      'GET /cadence/comparisons',
      'GET /cadence/comparisons/{month}',
      'GET /cadence/comparisons/{month}/xlsx',
      'POST /cadence/comparisons/{month}/run',
      'GET /cadence/assessments',
      'GET /cadence/assessments/{quarter}',
      'GET /cadence/assessments/{quarter}/xlsx',
      'POST /cadence/assessments/{quarter}/run',
    ]);
    for (const route of routes) {
      const response = (await handler(eventFor(routeKey(route)), context)) as { statusCode: number };
      expect([routeKey(route), response.statusCode]).toEqual([routeKey(route), 401]);
    }
  });

  it('answers 404 for a route key it does not serve', async () => {
    const response = (await handler(eventFor('GET /nope'), context)) as { statusCode: number };
    expect(response.statusCode).toBe(404);
  });
});

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

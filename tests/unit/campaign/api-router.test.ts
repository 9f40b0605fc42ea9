import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { declaration } from '../../../shared/platform/declaration.ts';
import { routeKey } from '../../../shared/http/route.ts';
import { handler } from '../../../functions/campaigns/api.ts';
import type { ApiEvent } from '../../../shared/http/api-handler.ts';

const eventFor = (key: string) =>
  ({ routeKey: key, headers: {}, requestContext: { requestId: 'r1', routeKey: key } }) as unknown as ApiEvent;
const context = { functionName: 'campaigns-api', awsRequestId: 'r1' } as unknown as Context;

describe('the campaigns API function', () => {
  it('serves every route declared for it, each through its own contract (401 without a token)', async () => {
    const routes = declaration.routes.filter((r) => r.function === 'campaigns-api');
    expect(routes.map(routeKey)).toEqual([
      'POST /campaigns',
      'GET /campaigns',
      'GET /campaigns/{campaignId}',
      'POST /campaigns/{campaignId}/checks',
      'GET /campaigns/{campaignId}/summary',
      'GET /campaigns/{campaignId}/rollbacks',
      'POST /exports/collection-form',
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

/**
 * The areas served by one function (`dispatchByRoute`): every route the declaration gives such a
 * function reaches its own handler through it (401 without a token: the route's contract ran),
 * and a route key it does not serve is 404.
 */
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { declaration } from '../../../shared/platform/declaration.ts';
import { routeKey } from '../../../shared/http/route.ts';
import type { ApiEvent } from '../../../shared/http/api-handler.ts';

const eventFor = (key: string) =>
  ({ routeKey: key, headers: {}, requestContext: { requestId: 'r1', routeKey: key } }) as unknown as ApiEvent;

const dispatchers = declaration.functions.filter((f) => f.entry.endsWith('/api.ts'));

describe('the functions that serve an area’s routes', () => {
  it('are the eight areas served by one function', () => {
    expect(dispatchers.map((f) => f.entry).sort()).toEqual(
      ['alerts', 'cadence', 'campaigns', 'dashboard', 'monitoring', 'notices', 'payouts', 'verification'].map(
        (area) => `functions/${area}/api.ts`,
      ),
    );
  });

  for (const fn of dispatchers)
    describe(fn.name, () => {
      const routes = declaration.routes.filter((r) => r.function === fn.name);
      const context = { functionName: fn.name, awsRequestId: 'r1' } as unknown as Context;
      const load = async () =>
        (await import(resolve(import.meta.dirname, '../../..', fn.entry))) as {
          handler: (event: ApiEvent, context: Context) => Promise<{ statusCode: number; body: string }>;
        };

      it('serves every route declared for it through the route’s own contract', async () => {
        expect(routes.length).toBeGreaterThan(1);
        const { handler } = await load();
        for (const route of routes) {
          const response = await handler(eventFor(routeKey(route)), context);
          expect([routeKey(route), response.statusCode]).toEqual([routeKey(route), 401]);
        }
      });

      it('answers 404 for a route key it does not serve', async () => {
        const { handler } = await load();
        const response = await handler(eventFor('GET /nope'), context);
        expect(response.statusCode).toBe(404);
        expect(JSON.parse(response.body)).toMatchObject({ code: 'NOT_FOUND', message: '接口不存在' });
      });
    });
});

/**
 * One Lambda function serves the dashboard routes (the stateless stack's 500-resource limit, see
 * `functions/monitoring/api.ts`): it dispatches on the API Gateway route key to the thin per-route
 * handlers, each `apiHandler(contract, …)`.
 */
import type { Context } from 'aws-lambda';
import * as dashboard from '../../shared/contracts/dashboard.ts';
import { errorResponse, type ApiEvent } from '../../shared/http/api-handler.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { routeKey } from '../../shared/http/route.ts';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { handler as getDashboard } from './get-dashboard.ts';
import { handler as refreshAreaAlerts } from './refresh-area-alerts.ts';

type RouteHandler = (event: ApiEvent, context: Context) => Promise<unknown>;

const ROUTES: readonly (readonly [RouteDecl, RouteHandler])[] = [
  [dashboard.getDashboard, getDashboard],
  [dashboard.refreshAreaAlerts, refreshAreaAlerts],
];

const byKey = new Map(ROUTES.map(([route, run]) => [routeKey(route), run]));

export const handler = async (event: ApiEvent, context: Context) => {
  const run = byKey.get(event.routeKey);
  if (!run) return errorResponse(new NotFound('接口不存在'), event.requestContext?.requestId ?? 'unknown');
  return run(event, context);
};

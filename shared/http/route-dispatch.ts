/**
 * One Lambda function serving several routes of an area (a function per route would put the
 * stateless stack over CloudFormation's 500-resource limit): it dispatches on the API Gateway
 * route key to the thin per-route handlers, so the role check, parsing and error mapping stay
 * per route (`apiHandler`). A route key it does not serve is 404.
 */
import type { Context } from 'aws-lambda';
import type { RouteDecl } from '../platform/declaration-types.ts';
import { errorResponse, type ApiEvent } from './api-handler.ts';
import { NotFound } from './errors.ts';
import { routeKey } from './route.ts';

export type RouteHandler = (event: ApiEvent, context: Context) => Promise<unknown>;
export type AreaRoutes = readonly (readonly [RouteDecl, RouteHandler])[];

export const dispatchByRoute = (routes: AreaRoutes) => {
  const byKey = new Map(routes.map(([route, run]) => [routeKey(route), run]));
  return async (event: ApiEvent, context: Context): Promise<unknown> => {
    const run = byKey.get(event.routeKey);
    if (!run) return errorResponse(new NotFound('接口不存在'), event.requestContext?.requestId ?? 'unknown');
    return run(event, context);
  };
};

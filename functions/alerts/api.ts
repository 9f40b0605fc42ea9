/**
 * One Lambda function serves the alert routes (the stateless stack is near CloudFormation's
 * 500-resource limit); it dispatches on the API Gateway route key to the thin per-route handlers.
 */
import type { Context } from 'aws-lambda';
import * as alerts from '../../shared/contracts/alerts.ts';
import { errorResponse, type ApiEvent } from '../../shared/http/api-handler.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { routeKey } from '../../shared/http/route.ts';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { handler as listAlerts } from './list-alerts.ts';
import { handler as getAlert } from './get-alert.ts';

type RouteHandler = (event: ApiEvent, context: Context) => Promise<unknown>;

const ROUTES: readonly (readonly [RouteDecl, RouteHandler])[] = [
  [alerts.listAlerts, listAlerts],
  [alerts.getAlert, getAlert],
];

const byKey = new Map(ROUTES.map(([route, run]) => [routeKey(route), run]));

export const handler = async (event: ApiEvent, context: Context) => {
  const run = byKey.get(event.routeKey);
  if (!run) return errorResponse(new NotFound('接口不存在'), event.requestContext?.requestId ?? 'unknown');
  return run(event, context);
};

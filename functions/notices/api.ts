/**
 * One Lambda function serves every route of the notices area (calendar, deliberations, notices,
 * objections): a function per route would put the stateless stack over CloudFormation's
 * 500-resource limit. It dispatches on the API Gateway route key to the thin per-route handlers
 * (one file each, `apiHandler(contract, …)`), so role checks, parsing and the error mapping stay
 * per route.
 */
import type { Context } from 'aws-lambda';
import * as calendar from '../../shared/contracts/calendar.ts';
import * as deliberations from '../../shared/contracts/deliberations.ts';
import * as notices from '../../shared/contracts/notices.ts';
import { errorResponse, type ApiEvent } from '../../shared/http/api-handler.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { routeKey } from '../../shared/http/route.ts';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { handler as getCalendar } from '../calendar/get-calendar.ts';
import { handler as putCalendar } from '../calendar/put-calendar.ts';
import { handler as recordDeliberation } from '../deliberations/record-deliberation.ts';
import { handler as getDeliberation } from '../deliberations/get-deliberation.ts';
import { handler as listDeliberations } from '../deliberations/list-deliberations.ts';
import { handler as postNotice } from './post-notice.ts';
import { handler as getNotice } from './get-notice.ts';
import { handler as listNotices } from './list-notices.ts';
import { handler as printNotice } from './print-notice.ts';
import { handler as recordObjection } from './record-objection.ts';
import { handler as resolveObjection } from './resolve-objection.ts';
import { handler as closeNotice } from './close-notice.ts';

type RouteHandler = (event: ApiEvent, context: Context) => Promise<unknown>;

export const NOTICE_ROUTES: readonly (readonly [RouteDecl, RouteHandler])[] = [
  [calendar.getCalendar, getCalendar],
  [calendar.putCalendar, putCalendar],
  [deliberations.recordDeliberation, recordDeliberation],
  [deliberations.getDeliberation, getDeliberation],
  [deliberations.listDeliberations, listDeliberations],
  [notices.postNotice, postNotice],
  [notices.getNotice, getNotice],
  [notices.listNotices, listNotices],
  [notices.printNotice, printNotice],
  [notices.recordObjection, recordObjection],
  [notices.resolveObjection, resolveObjection],
  [notices.closeNotice, closeNotice],
];

const byKey = new Map(NOTICE_ROUTES.map(([route, run]) => [routeKey(route), run]));

export const handler = async (event: ApiEvent, context: Context) => {
  const run = byKey.get(event.routeKey);
  if (!run) return errorResponse(new NotFound('接口不存在'), event.requestContext?.requestId ?? 'unknown');
  return run(event, context);
};

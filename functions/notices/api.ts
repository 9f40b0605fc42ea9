/**
 * One Lambda function serves every route of the notices area (calendar, deliberations, notices,
 * objections): a function per route would put the stateless stack over CloudFormation's
 * 500-resource limit. It dispatches on the API Gateway route key to the thin per-route handlers
 * (one file each, `apiHandler(contract, …)`), so role checks, parsing and the error mapping stay
 * per route.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as calendar from '../../shared/contracts/calendar.ts';
import * as deliberations from '../../shared/contracts/deliberations.ts';
import * as notices from '../../shared/contracts/notices.ts';
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

export const NOTICE_ROUTES: AreaRoutes = [
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

export const handler = dispatchByRoute(NOTICE_ROUTES);

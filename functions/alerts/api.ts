/**
 * One Lambda function serves the alert routes (the stateless stack is near CloudFormation's
 * 500-resource limit); it dispatches on the API Gateway route key to the thin per-route handlers.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as alerts from '../../shared/contracts/alerts.ts';
import { handler as listAlerts } from './list-alerts.ts';
import { handler as getAlert } from './get-alert.ts';

const ROUTES: AreaRoutes = [
  [alerts.listAlerts, listAlerts],
  [alerts.getAlert, getAlert],
];

export const handler = dispatchByRoute(ROUTES);

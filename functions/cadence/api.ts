/**
 * One Lambda function serves every cadence route (the stateless stack is near CloudFormation's
 * 500-resource limit). It dispatches on the API Gateway route key to the thin per-route handlers,
 * so role checks, parsing and the error mapping stay per route.
 */
import type { Context } from 'aws-lambda';
import * as cadence from '../../shared/contracts/cadence.ts';
import { errorResponse, type ApiEvent } from '../../shared/http/api-handler.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { routeKey } from '../../shared/http/route.ts';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { handler as listComparisons } from './list-comparisons.ts';
import { handler as getComparison } from './get-comparison.ts';
import { handler as getComparisonXlsx } from './get-comparison-xlsx.ts';
import { handler as runComparison } from './run-comparison.ts';
import { handler as listAssessments } from './list-assessments.ts';
import { handler as getAssessment } from './get-assessment.ts';
import { handler as getAssessmentXlsx } from './get-assessment-xlsx.ts';
import { handler as runAssessment } from './run-assessment.ts';

type RouteHandler = (event: ApiEvent, context: Context) => Promise<unknown>;

export const CADENCE_ROUTES: readonly (readonly [RouteDecl, RouteHandler])[] = [
  [cadence.listComparisons, listComparisons],
  [cadence.getComparison, getComparison],
  [cadence.getComparisonXlsx, getComparisonXlsx],
  [cadence.runComparison, runComparison],
  [cadence.listAssessments, listAssessments],
  [cadence.getAssessment, getAssessment],
  [cadence.getAssessmentXlsx, getAssessmentXlsx],
  [cadence.runAssessment, runAssessment],
];

const byKey = new Map(CADENCE_ROUTES.map(([route, run]) => [routeKey(route), run]));

export const handler = async (event: ApiEvent, context: Context) => {
  const run = byKey.get(event.routeKey);
  if (!run) return errorResponse(new NotFound('接口不存在'), event.requestContext?.requestId ?? 'unknown');
  return run(event, context);
};

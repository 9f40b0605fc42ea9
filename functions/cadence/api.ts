/**
 * One Lambda function serves every cadence route (the stateless stack is near CloudFormation's
 * 500-resource limit). It dispatches on the API Gateway route key to the thin per-route handlers,
 * so role checks, parsing and the error mapping stay per route.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as cadence from '../../shared/contracts/cadence.ts';
import { handler as listComparisons } from './list-comparisons.ts';
import { handler as getComparison } from './get-comparison.ts';
import { handler as getComparisonXlsx } from './get-comparison-xlsx.ts';
import { handler as runComparison } from './run-comparison.ts';
import { handler as listAssessments } from './list-assessments.ts';
import { handler as getAssessment } from './get-assessment.ts';
import { handler as getAssessmentXlsx } from './get-assessment-xlsx.ts';
import { handler as runAssessment } from './run-assessment.ts';

export const CADENCE_ROUTES: AreaRoutes = [
  [cadence.listComparisons, listComparisons],
  [cadence.getComparison, getComparison],
  [cadence.getComparisonXlsx, getComparisonXlsx],
  [cadence.runComparison, runComparison],
  [cadence.listAssessments, listAssessments],
  [cadence.getAssessment, getAssessment],
  [cadence.getAssessmentXlsx, getAssessmentXlsx],
  [cadence.runAssessment, runAssessment],
];

export const handler = dispatchByRoute(CADENCE_ROUTES);

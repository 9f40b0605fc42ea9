/**
 * One Lambda function serves every verification, sampling and quality route: a function per route
 * would put the stateless stack over CloudFormation's 500-resource limit. It dispatches on the API
 * Gateway route key to the thin per-route handlers (one file each, `apiHandler(contract, …)`), so
 * role checks, parsing and the error mapping stay per route.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as verification from '../../shared/contracts/verification.ts';
import * as sampling from '../../shared/contracts/sampling.ts';
import * as quality from '../../shared/contracts/quality.ts';
import { handler as listVerificationQueue } from './list-verification-queue.ts';
import { handler as getVerificationWorkload } from './get-verification-workload.ts';
import { handler as assignVerificationTasks } from './assign-verification-tasks.ts';
import { handler as reassignVerificationTask } from './reassign-verification-task.ts';
import { handler as listVerificationTasks } from './list-verification-tasks.ts';
import { handler as getVerification } from './get-verification.ts';
import { handler as submitVerificationResult } from './submit-verification-result.ts';
import { handler as recordReinspection } from './record-reinspection.ts';
import { handler as createSamplingPlan } from '../sampling/create-sampling-plan.ts';
import { handler as listSamplingPlans } from '../sampling/list-sampling-plans.ts';
import { handler as getSamplingPlan } from '../sampling/get-sampling-plan.ts';
import { handler as checkSamplingRedraw } from '../sampling/check-sampling-redraw.ts';
import { handler as getQuality } from '../quality/get-quality.ts';

/** Every route of the area with its handler (the area declaration lists the same routes). */
export const VERIFICATION_ROUTES: AreaRoutes = [
  [verification.listVerificationQueue, listVerificationQueue],
  [verification.getVerificationWorkload, getVerificationWorkload],
  [verification.assignVerificationTasks, assignVerificationTasks],
  [verification.reassignVerificationTask, reassignVerificationTask],
  [verification.listVerificationTasks, listVerificationTasks],
  [verification.getVerification, getVerification],
  [verification.submitVerificationResult, submitVerificationResult],
  [verification.recordReinspection, recordReinspection],
  [sampling.createSamplingPlan, createSamplingPlan],
  [sampling.listSamplingPlans, listSamplingPlans],
  [sampling.getSamplingPlan, getSamplingPlan],
  [sampling.checkSamplingRedraw, checkSamplingRedraw],
  [quality.getQuality, getQuality],
];

export const handler = dispatchByRoute(VERIFICATION_ROUTES);

/** GET /sampling-plans/{planId} — plan, seed, population, sample with reasons, where the cases went. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getSamplingPlan } from '../../shared/contracts/sampling.ts';
import { getPlan } from '../../shared/usecases/sampling/read-plans.ts';
import { samplingDeps } from './deps.ts';

export const handler = apiHandler(getSamplingPlan, async ({ identity, params }) => ({
  status: 200,
  body: await getPlan(samplingDeps, identity, params.planId),
}));

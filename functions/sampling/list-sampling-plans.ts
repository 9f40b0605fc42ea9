/** GET /sampling-plans — the county's plans, newest first. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listSamplingPlans } from '../../shared/contracts/sampling.ts';
import { listPlans } from '../../shared/usecases/sampling/read-plans.ts';
import { samplingDeps } from './deps.ts';

export const handler = apiHandler(listSamplingPlans, async ({ identity, query }) => ({
  status: 200,
  body: await listPlans(samplingDeps, identity, query.limit),
}));

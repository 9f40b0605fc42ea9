/** POST /sampling-plans — the plan and its seed are stored, then the `sampling-draw` state machine draws it. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { createSamplingPlan } from '../../shared/contracts/sampling.ts';
import { createPlan } from '../../shared/usecases/sampling/create-plan.ts';
import { samplingDeps } from './deps.ts';

export const handler = apiHandler(createSamplingPlan, async ({ identity, body, now, requestId }) => ({
  status: 202,
  body: await createPlan(samplingDeps, { identity, now, requestId }, body),
}));

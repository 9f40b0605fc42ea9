/** POST /sampling-plans/{planId}/redraw-check — the draw again from the stored snapshot and seed. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { checkSamplingRedraw } from '../../shared/contracts/sampling.ts';
import { redrawCheck } from '../../shared/usecases/sampling/read-plans.ts';
import { samplingDeps } from './deps.ts';

export const handler = apiHandler(checkSamplingRedraw, async ({ identity, params, body }) => ({
  status: 200,
  body: await redrawCheck(samplingDeps, identity, params.planId, body.seed),
}));

/** POST /verifications/{caseId}/reinspection — county staff record the re-inspection of a sampled case. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordReinspection } from '../../shared/contracts/verification.ts';
import { recordReinspection as record } from '../../shared/usecases/verification/reinspect.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(recordReinspection, async ({ identity, params, body, now, requestId }) => ({
  status: 201,
  body: await record(verificationDeps, { identity, now, requestId }, params.caseId, body),
}));

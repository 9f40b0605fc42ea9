/** POST /verification-tasks — the manager assigns cases (one or many) to an adjuster. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { assignVerificationTasks } from '../../shared/contracts/verification.ts';
import { assignCases } from '../../shared/usecases/verification/assign.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(assignVerificationTasks, async ({ identity, body, now, requestId }) => ({
  status: 200,
  body: await assignCases(verificationDeps, { identity, now, requestId }, body.caseIds, body.adjuster),
}));

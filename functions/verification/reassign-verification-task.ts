/** POST /verification-tasks/{caseId}/reassign — an open task moves to another adjuster. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { reassignVerificationTask } from '../../shared/contracts/verification.ts';
import { reassignTask } from '../../shared/usecases/verification/assign.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(
  reassignVerificationTask,
  async ({ identity, params, body, now, requestId }) => ({
    status: 200,
    body: await reassignTask(verificationDeps, { identity, now, requestId }, params.caseId, body),
  }),
);

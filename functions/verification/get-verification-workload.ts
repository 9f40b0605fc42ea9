/** GET /verification/workload — open and overdue tasks per adjuster of the manager's contract. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getVerificationWorkload } from '../../shared/contracts/verification.ts';
import { workload } from '../../shared/usecases/verification/read.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(getVerificationWorkload, async ({ identity, now }) => ({
  status: 200,
  body: await workload(verificationDeps, identity, now),
}));

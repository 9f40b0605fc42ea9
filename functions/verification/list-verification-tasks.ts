/** GET /verification-tasks — an adjuster's own tasks, or the manager's contract's. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listVerificationTasks } from '../../shared/contracts/verification.ts';
import { listTasks } from '../../shared/usecases/verification/read.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(listVerificationTasks, async ({ identity, query, now }) => ({
  status: 200,
  body: await listTasks(verificationDeps, identity, query, now),
}));

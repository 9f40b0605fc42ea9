/** GET /verification/queue — cases waiting for an adjuster in the manager's county. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listVerificationQueue } from '../../shared/contracts/verification.ts';
import { listQueue } from '../../shared/usecases/verification/read.ts';
import { verificationDeps } from './deps.ts';

export const handler = apiHandler(listVerificationQueue, async ({ identity, query, now }) => {
  const { limit, cursor, ...filter } = query;
  return { status: 200, body: await listQueue(verificationDeps, identity, filter, { limit, cursor }, now) };
});

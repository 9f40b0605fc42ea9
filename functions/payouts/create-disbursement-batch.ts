import { apiHandler } from '../../shared/http/api-handler.ts';
import { createDisbursementBatch } from '../../shared/contracts/payouts.ts';
import { createBatch } from '../../shared/usecases/payouts/disburse.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(createDisbursementBatch, async ({ identity, body, now, requestId }) => {
  const { created, batch } = await createBatch(payoutDeps, { identity, now, requestId }, body);
  return { status: created ? 201 : 200, body: batch };
});

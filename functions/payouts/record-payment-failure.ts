import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordPaymentFailure } from '../../shared/contracts/payouts.ts';
import { recordPaymentFailure as recordFailure } from '../../shared/usecases/payouts/disburse.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(
  recordPaymentFailure,
  async ({ identity, params, body, now, requestId }) => ({
    status: 200,
    body: await recordFailure(payoutDeps, { identity, now, requestId }, params.payoutId, body),
  }),
);

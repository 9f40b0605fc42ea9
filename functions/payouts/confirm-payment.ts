import { apiHandler } from '../../shared/http/api-handler.ts';
import { confirmPayment } from '../../shared/contracts/payouts.ts';
import { confirmPayment as confirm } from '../../shared/usecases/payouts/disburse.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(confirmPayment, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await confirm(payoutDeps, { identity, now, requestId }, params.payoutId, body),
}));

import { apiHandler } from '../../shared/http/api-handler.ts';
import { cancelPayout } from '../../shared/contracts/payouts.ts';
import { cancelPayout as cancel } from '../../shared/usecases/payouts/cancel.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(cancelPayout, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await cancel(payoutDeps, { identity, now, requestId }, params.payoutId, body),
}));

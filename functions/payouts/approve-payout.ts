import { apiHandler } from '../../shared/http/api-handler.ts';
import { approvePayout } from '../../shared/contracts/payouts.ts';
import { approvePayout as approve } from '../../shared/usecases/payouts/approve.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(approvePayout, async ({ identity, params, now, requestId }) => ({
  status: 200,
  body: await approve(payoutDeps, { identity, now, requestId }, params.payoutId),
}));

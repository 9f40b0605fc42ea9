import { apiHandler } from '../../shared/http/api-handler.ts';
import { getPayout } from '../../shared/contracts/payouts.ts';
import { getPayout as get } from '../../shared/usecases/payouts/read.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(getPayout, async ({ identity, params, now, requestId }) => ({
  status: 200,
  body: await get(payoutDeps, { identity, now, requestId }, params.payoutId),
}));

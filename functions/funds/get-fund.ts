import { apiHandler } from '../../shared/http/api-handler.ts';
import { getFund } from '../../shared/contracts/funds.ts';
import { getFund as get } from '../../shared/usecases/finance/funds.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const handler = apiHandler(getFund, async ({ identity, params }) => ({
  status: 200,
  body: await get(payoutDeps, identity, params.fundId),
}));

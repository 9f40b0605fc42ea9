import { apiHandler } from '../../shared/http/api-handler.ts';
import { depositIntoFund } from '../../shared/contracts/funds.ts';
import { deposit } from '../../shared/usecases/finance/funds.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const handler = apiHandler(depositIntoFund, async ({ identity, params, body, now, requestId }) => {
  const { created, entry } = await deposit(payoutDeps, { identity, now, requestId }, params.fundId, body);
  return { status: created ? 201 : 200, body: entry };
});

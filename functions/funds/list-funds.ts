import { apiHandler } from '../../shared/http/api-handler.ts';
import { listFunds } from '../../shared/contracts/funds.ts';
import { listFunds as list } from '../../shared/usecases/finance/funds.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const handler = apiHandler(listFunds, async ({ identity }) => ({
  status: 200,
  body: { items: await list(payoutDeps, identity) },
}));

import { apiHandler } from '../../shared/http/api-handler.ts';
import { getFundLedger } from '../../shared/contracts/funds.ts';
import { fundLedger } from '../../shared/usecases/finance/funds.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const handler = apiHandler(getFundLedger, async ({ identity, params, query }) => ({
  status: 200,
  body: await fundLedger(payoutDeps, identity, params.fundId, query),
}));

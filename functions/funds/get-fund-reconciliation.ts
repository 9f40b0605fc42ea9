import { apiHandler } from '../../shared/http/api-handler.ts';
import { getFundReconciliation } from '../../shared/contracts/funds.ts';
import { fundReconciliation } from '../../shared/usecases/finance/reconciliation.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const handler = apiHandler(getFundReconciliation, async ({ identity, params, now }) => ({
  status: 200,
  body: await fundReconciliation(payoutDeps, identity, params.fundId, now),
}));

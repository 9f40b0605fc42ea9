import { apiHandler } from '../../shared/http/api-handler.ts';
import { proposePayout } from '../../shared/contracts/payouts.ts';
import { proposePayout as propose } from '../../shared/usecases/payouts/propose.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(proposePayout, async ({ identity, params, body, now, requestId }) => {
  const { created, payout } = await propose(payoutDeps, { identity, now, requestId }, params.caseId, body);
  return { status: created ? 201 : 200, body: payout };
});

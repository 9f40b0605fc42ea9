import { apiHandler } from '../../shared/http/api-handler.ts';
import { createFund } from '../../shared/contracts/funds.ts';
import { createFund as create } from '../../shared/usecases/finance/funds.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const handler = apiHandler(createFund, async ({ identity, body, now, requestId }) => ({
  status: 201,
  body: await create(payoutDeps, { identity, now, requestId }, body),
}));

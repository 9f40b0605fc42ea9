import { apiHandler } from '../../shared/http/api-handler.ts';
import { listPayouts } from '../../shared/contracts/payouts.ts';
import { listPayouts as list } from '../../shared/usecases/payouts/read.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(listPayouts, async ({ identity, query, now }) => {
  const { limit, cursor, ...filter } = query;
  return { status: 200, body: await list(payoutDeps, { identity, now }, filter, { limit, cursor }) };
});

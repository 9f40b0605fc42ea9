import { apiHandler } from '../../shared/http/api-handler.ts';
import { listFundCases } from '../../shared/contracts/fund-cases.ts';
import { listFundCases as list } from '../../shared/usecases/fund-cases/read-fund-cases.ts';
import { fundCaseDeps } from './deps.ts';

export const handler = apiHandler(listFundCases, async ({ identity, query }) => {
  const { limit, cursor, ...filter } = query;
  return { status: 200, body: await list(fundCaseDeps, identity, filter, { limit, cursor }) };
});

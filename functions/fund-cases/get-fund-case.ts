import { apiHandler } from '../../shared/http/api-handler.ts';
import { getFundCase } from '../../shared/contracts/fund-cases.ts';
import { getFundCase as get } from '../../shared/usecases/fund-cases/read-fund-cases.ts';
import { fundCaseDeps } from './deps.ts';

export const handler = apiHandler(getFundCase, async ({ identity, params }) => ({
  status: 200,
  body: await get(fundCaseDeps, identity, params.caseId),
}));

import { apiHandler } from '../../shared/http/api-handler.ts';
import { sendOnFundCase } from '../../shared/contracts/fund-cases.ts';
import { sendOnFundCase as sendOn } from '../../shared/usecases/fund-cases/send-on.ts';
import { fundCaseDeps } from './deps.ts';

export const handler = apiHandler(sendOnFundCase, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await sendOn(fundCaseDeps, { identity, now, requestId }, params.caseId, body),
}));

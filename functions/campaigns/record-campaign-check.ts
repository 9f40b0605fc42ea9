import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordCheck } from '../../shared/contracts/campaigns.ts';
import { recordCheck as record } from '../../shared/usecases/campaigns/record-check.ts';
import { campaignDeps as deps } from './deps.ts';

export const handler = apiHandler(recordCheck, async ({ identity, params, body, now }) => ({
  status: 200,
  body: await record(deps, identity, params.campaignId, body, now),
}));

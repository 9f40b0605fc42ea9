import { apiHandler } from '../../shared/http/api-handler.ts';
import { createCampaign } from '../../shared/contracts/campaigns.ts';
import { createCampaign as create } from '../../shared/usecases/campaigns/campaigns.ts';
import { campaignDeps as deps } from './deps.ts';

export const handler = apiHandler(createCampaign, async ({ identity, body, now }) => ({
  status: 201,
  body: await create(deps, identity, body, now),
}));

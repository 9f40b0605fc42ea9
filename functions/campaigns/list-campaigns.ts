import { apiHandler } from '../../shared/http/api-handler.ts';
import { listCampaigns } from '../../shared/contracts/campaigns.ts';
import { listCampaigns as list } from '../../shared/usecases/campaigns/campaigns.ts';
import { campaignDeps as deps } from './deps.ts';

export const handler = apiHandler(listCampaigns, async ({ identity }) => ({
  status: 200,
  body: { items: await list(deps, identity) },
}));

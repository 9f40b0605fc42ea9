import { apiHandler } from '../../shared/http/api-handler.ts';
import { getCampaign } from '../../shared/contracts/campaigns.ts';
import { campaignInScope } from '../../shared/usecases/campaigns/campaigns.ts';
import { campaignDeps as deps } from './deps.ts';

export const handler = apiHandler(getCampaign, async ({ identity, params }) => ({
  status: 200,
  body: await campaignInScope(deps, identity, params.campaignId),
}));

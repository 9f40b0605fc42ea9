/**
 * The campaign's 附件2 summary at a level (village / town / county rows) for an area inside the
 * caller's reach: read from the per-village counter items (one partition query), never the checks.
 */
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import { summarize, type CampaignSummary, type SummaryLevel } from '../../domain/campaign/summary.ts';
import { campaignInScope } from './campaigns.ts';
import type { CampaignDeps } from './ports.ts';

export const campaignSummary = async (
  deps: CampaignDeps,
  identity: Identity,
  campaignId: string,
  query: { level: SummaryLevel; code?: string },
): Promise<CampaignSummary & { unitName: string }> => {
  const campaign = await campaignInScope(deps, identity, campaignId);
  const area = narrowRegion(identity, query.code);
  const [villages, names] = await Promise.all([
    deps.campaigns.counters(campaignId),
    deps.regionNames(identity.countyCode),
  ]);
  const summary = summarize(
    campaign.campaignId,
    query.level,
    area,
    villages,
    (code) => names.get(code) ?? code,
  );
  return { ...summary, unitName: names.get(area) ?? area };
};

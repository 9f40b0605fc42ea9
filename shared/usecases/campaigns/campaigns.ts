/**
 * Campaigns: created by the county (its scope inside the county), listed and read by whoever the
 * campaign touches (a town sees a campaign of the county, of its town or of one of its villages; a
 * village one that covers it). Out of reach is 404.
 */
import type { Identity } from '../../auth/identity.ts';
import { regionScopeOf } from '../../auth/authorize.ts';
import {
  type Campaign,
  type CampaignInput,
  scopeCodes,
  touchesRegion,
} from '../../domain/campaign/campaign.ts';
import { isWithin } from '../../domain/region.ts';
import { NotFound, ValidationFailed } from '../../http/errors.ts';
import type { CampaignDeps } from './ports.ts';

export const createCampaign = async (
  deps: CampaignDeps,
  identity: Identity,
  input: CampaignInput,
  now: Date,
): Promise<Campaign> => {
  const campaign: Campaign = {
    campaignId: deps.newId(),
    countyCode: identity.countyCode,
    ...input,
    createdAt: now.toISOString(),
    createdBy: identity.username,
  };
  const outside = scopeCodes(campaign).findIndex((code) => !isWithin(code, identity.countyCode));
  if (outside >= 0)
    throw new ValidationFailed([
      { path: `body.scope.codes.${outside}`, message: '排查范围应在本县（市、区）内' },
    ]);
  await deps.campaigns.create(campaign);
  return campaign;
};

export const campaignInScope = async (deps: CampaignDeps, identity: Identity, campaignId: string) => {
  const campaign = await deps.campaigns.get(campaignId);
  if (
    !campaign ||
    campaign.countyCode !== identity.countyCode ||
    !touchesRegion(campaign, regionScopeOf(identity))
  )
    throw new NotFound('排查活动不存在或不在管辖范围内');
  return campaign;
};

export const listCampaigns = async (deps: CampaignDeps, identity: Identity): Promise<Campaign[]> =>
  (await deps.campaigns.list(identity.countyCode)).filter((c) => touchesRegion(c, regionScopeOf(identity)));

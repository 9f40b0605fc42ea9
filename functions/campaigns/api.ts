/**
 * One Lambda function serves every campaign route and the national-system export (the stateless
 * stack is near CloudFormation's 500-resource limit). It dispatches on the API Gateway route key to
 * the thin per-route handlers, so role checks, parsing and the error mapping stay per route.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as campaigns from '../../shared/contracts/campaigns.ts';
import * as nationalExport from '../../shared/contracts/national-export.ts';
import { handler as createCampaign } from './create-campaign.ts';
import { handler as listCampaigns } from './list-campaigns.ts';
import { handler as getCampaign } from './get-campaign.ts';
import { handler as recordCampaignCheck } from './record-campaign-check.ts';
import { handler as getCampaignSummary } from './get-campaign-summary.ts';
import { handler as getRollbackTable } from './get-rollback-table.ts';
import { handler as exportCollectionForm } from './export-collection-form.ts';

export const CAMPAIGN_ROUTES: AreaRoutes = [
  [campaigns.createCampaign, createCampaign],
  [campaigns.listCampaigns, listCampaigns],
  [campaigns.getCampaign, getCampaign],
  [campaigns.recordCheck, recordCampaignCheck],
  [campaigns.getSummary, getCampaignSummary],
  [campaigns.getRollbackTable, getRollbackTable],
  [nationalExport.exportCollectionForm, exportCollectionForm],
];

export const handler = dispatchByRoute(CAMPAIGN_ROUTES);

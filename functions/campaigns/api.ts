/**
 * One Lambda function serves every campaign route and the national-system export (the stateless
 * stack is near CloudFormation's 500-resource limit). It dispatches on the API Gateway route key to
 * the thin per-route handlers, so role checks, parsing and the error mapping stay per route.
 */
import type { Context } from 'aws-lambda';
import * as campaigns from '../../shared/contracts/campaigns.ts';
import * as nationalExport from '../../shared/contracts/national-export.ts';
import { errorResponse, type ApiEvent } from '../../shared/http/api-handler.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { routeKey } from '../../shared/http/route.ts';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { handler as createCampaign } from './create-campaign.ts';
import { handler as listCampaigns } from './list-campaigns.ts';
import { handler as getCampaign } from './get-campaign.ts';
import { handler as recordCampaignCheck } from './record-campaign-check.ts';
import { handler as getCampaignSummary } from './get-campaign-summary.ts';
import { handler as getRollbackTable } from './get-rollback-table.ts';
import { handler as exportCollectionForm } from './export-collection-form.ts';

type RouteHandler = (event: ApiEvent, context: Context) => Promise<unknown>;

export const CAMPAIGN_ROUTES: readonly (readonly [RouteDecl, RouteHandler])[] = [
  [campaigns.createCampaign, createCampaign],
  [campaigns.listCampaigns, listCampaigns],
  [campaigns.getCampaign, getCampaign],
  [campaigns.recordCheck, recordCampaignCheck],
  [campaigns.getSummary, getCampaignSummary],
  [campaigns.getRollbackTable, getRollbackTable],
  [nationalExport.exportCollectionForm, exportCollectionForm],
];

const byKey = new Map(CAMPAIGN_ROUTES.map(([route, run]) => [routeKey(route), run]));

export const handler = async (event: ApiEvent, context: Context) => {
  const run = byKey.get(event.routeKey);
  if (!run) return errorResponse(new NotFound('接口不存在'), event.requestContext?.requestId ?? 'unknown');
  return run(event, context);
};

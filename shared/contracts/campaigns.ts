/**
 * Re-check campaigns (集中排查 / 回头看, SPEC §4.7, `002_…` 附件2 and 附件5). Every route goes to ONE
 * function, `campaigns-api` (`functions/campaigns/api.ts`).
 */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { Campaign, CampaignInput } from '../domain/campaign/campaign.ts';
import { CampaignCheck, CheckInput } from '../domain/campaign/check.ts';
import { RollbackLine } from '../domain/campaign/rollback-table.ts';
import { CampaignSummary, SUMMARY_LEVELS } from '../domain/campaign/summary.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { errorResponses, Id } from './common.ts';

export const CAMPAIGNS_API = 'campaigns-api';

export const CAMPAIGN_READERS = ['village_cadre', 'town_official', 'county_staff', 'auditor'] as const;
const CHECKERS = ['village_cadre', 'town_official', 'county_staff'] as const;

const CampaignParams = z.object({ campaignId: Id });
const Format = z.enum(['json', 'xlsx']).default('json');

export const createCampaign = route({
  method: 'POST',
  path: '/campaigns',
  function: CAMPAIGNS_API,
  roles: ['county_staff'],
  summary: '发起集中排查（回头看）：范围、收入期间、各阶段截止日期',
  tag: 'campaigns',
  request: { body: CampaignInput },
  responses: { 201: { description: '已发起', schema: Campaign }, ...errorResponses },
});

export const listCampaigns = route({
  method: 'GET',
  path: '/campaigns',
  function: CAMPAIGNS_API,
  roles: CAMPAIGN_READERS,
  summary: '排查活动列表（只列涉及本辖区的）',
  tag: 'campaigns',
  responses: {
    200: { description: '排查活动', schema: z.object({ items: z.array(Campaign) }) },
    ...errorResponses,
  },
});

export const getCampaign = route({
  method: 'GET',
  path: '/campaigns/{campaignId}',
  function: CAMPAIGNS_API,
  roles: CAMPAIGN_READERS,
  summary: '一次排查活动',
  tag: 'campaigns',
  request: { params: CampaignParams },
  responses: { 200: { description: '排查活动', schema: Campaign }, ...errorResponses },
});

export const recordCheck = route({
  method: 'POST',
  path: '/campaigns/{campaignId}/checks',
  function: CAMPAIGNS_API,
  roles: CHECKERS,
  summary:
    '录入一户的排查情况（入户方式、发现情况）；同一户再次录入即替换上次结果（保留历史），排查截止后录入标记为逾期',
  tag: 'campaigns',
  request: { params: CampaignParams, body: CheckInput },
  responses: { 200: { description: '排查记录', schema: CampaignCheck }, ...errorResponses },
});

export const getSummary = route({
  method: 'GET',
  path: '/campaigns/{campaignId}/summary',
  function: CAMPAIGNS_API,
  roles: CAMPAIGN_READERS,
  summary: '入户排查情况汇总表（附件2）：按村/乡镇/县汇总；format=xlsx 按表样导出',
  tag: 'campaigns',
  request: {
    params: CampaignParams,
    query: z.object({
      level: z.enum(SUMMARY_LEVELS).default('village'),
      code: RegionCode.optional().meta({ description: '汇总区域（默认本辖区）' }),
      format: Format,
    }),
  },
  responses: {
    200: { description: '汇总表（或 XLSX 文件）', schema: CampaignSummary.extend({ unitName: z.string() }) },
    ...errorResponses,
  },
});

const HouseholdsPersons = z.object({ households: z.number().int(), persons: z.number().int() });
const Totals = z.object({ rollback: HouseholdsPersons, removal: HouseholdsPersons });

export const RollbackTableView = z
  .object({
    campaignId: z.string(),
    code: z.string(),
    unitName: z.string(),
    lines: z.array(RollbackLine),
    totals: Totals,
    subtotals: z.array(z.object({ code: z.string(), name: z.string(), totals: Totals })),
  })
  .meta({ id: 'RollbackTable' });

export const getRollbackTable = route({
  method: 'GET',
  path: '/campaigns/{campaignId}/rollbacks',
  function: CAMPAIGNS_API,
  roles: CAMPAIGN_READERS,
  summary:
    '监测对象回退、清退情况统计表（附件5）：活动期间及范围内经审定的回退、清退，按村/乡镇/县小计；列表脱敏，format=xlsx 按表样导出完整姓名及证件号（每户记录查看日志）',
  tag: 'campaigns',
  request: {
    params: CampaignParams,
    query: z.object({
      code: RegionCode.optional(),
      level: z.enum(SUMMARY_LEVELS).default('village').meta({ description: '小计的汇总层级' }),
      format: Format,
    }),
  },
  responses: { 200: { description: '统计表（或 XLSX 文件）', schema: RollbackTableView }, ...errorResponses },
});

/**
 * The dashboard per scope (issue 7 part 4, SPEC §4.7) and the on-demand evaluation of the area alerts.
 * Both are served by ONE function, `dashboard-api` (`functions/dashboard/api.ts`). Every figure comes
 * from the area counters (`COUNTS#<county>`), the region index and the alert lists — never from the
 * households themselves.
 */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { Alert, ALERT_KINDS } from '../domain/alert.ts';
import { TREND_EVENTS } from '../domain/area-counts.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { errorResponses } from './common.ts';

export const DASHBOARD_API = 'dashboard-api';

/** SPEC §1: the county, its towns and villages, and the auditor (read-only); not the fund's roles. */
export const DASHBOARD_READERS = [
  'county_staff',
  'auditor',
  'town_official',
  'village_cadre',
] as const satisfies readonly Role[];

const Int = z.number().int();
const Labelled = z.object({
  code: z.string(),
  label: z.string().meta({ description: 'zh-CN' }),
  households: Int,
});

const Share = z.object({
  /** Percent with one decimal, rounded half up (2.4 = 2.4 %). */
  sharePercent: z.number(),
  shareText: z.string().meta({ description: '如 2.4%' }),
  /** Strictly above the year's `alerts.monitoredShareAbove`. */
  aboveThreshold: z.boolean(),
});

export const DashboardArea = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['town', 'village']),
    households: Int,
    persons: Int,
    /** Unresolved monitored households (status monitored). */
    unresolved: Int,
    eliminated: Int,
    /** Villages without any monitored household (空白村): a town's count, or 1/0 for a village. */
    blankVillages: Int,
  })
  .extend(Share.shape)
  .meta({ id: 'DashboardArea' });

export const DashboardView = z
  .object({
    scope: z.object({ level: z.enum(['county', 'town', 'village']), code: z.string(), name: z.string() }),
    asOf: z.string(),
    threshold: z.object({ share: z.number(), text: z.string() }),
    totals: z.object({
      households: Int,
      persons: Int,
      villages: Int,
      blankVillages: Int,
      unresolved: z.object({ households: Int, persons: Int }).extend(Share.shape),
      byType: z.array(Labelled),
      byStatus: z.array(Labelled.extend({ persons: Int })),
      /** Unresolved households (status monitored) by category. */
      byCategory: z.array(Labelled),
      /** Unresolved households (status monitored) by risk; a household with two risks counts in both. */
      byRisk: z.array(Labelled),
    }),
    /** County: its towns; town: its villages; village: the village itself. */
    areas: z.array(DashboardArea),
    trends: z.array(
      z.object({
        month: z.string(),
        events: z.record(z.enum(TREND_EVENTS), Int),
        unresolvedAtMonthEnd: Int,
      }),
    ),
    trendLabels: z.record(z.enum(TREND_EVENTS), z.string()),
    alerts: z.object({
      /** The first page of the scope's open alerts, newest first (`GET /alerts` continues with nextCursor). */
      items: z.array(Alert),
      nextCursor: z.string().optional(),
      total: Int,
      byKind: z.array(z.object({ kind: z.enum(ALERT_KINDS), label: z.string(), count: Int })),
    }),
  })
  .meta({ id: 'DashboardView' });
export type DashboardView = z.infer<typeof DashboardView>;

export const getDashboard = route({
  method: 'GET',
  path: '/dashboard',
  function: DASHBOARD_API,
  roles: DASHBOARD_READERS,
  summary:
    '监测工作看板：按类别、风险、状态、户类型统计，分乡镇/分村占比，近 12 个月趋势，本辖区未处理预警；县级可按乡镇或村查看',
  tag: 'dashboard',
  request: {
    query: z.object({
      townCode: RegionCode.optional(),
      villageCode: RegionCode.optional(),
    }),
  },
  responses: { 200: { description: '看板', schema: DashboardView }, ...errorResponses },
});

export const AreaAlertRun = z
  .object({ holding: Int, raised: Int, updated: Int, cleared: Int, scopeCode: z.string() })
  .meta({ id: 'AreaAlertRun' });

export const refreshAreaAlerts = route({
  method: 'POST',
  path: '/alerts/refresh',
  function: DASHBOARD_API,
  roles: ['county_staff'],
  summary:
    '按区域计数器重新评估“监测对象占比超过 2%”和“空白村”预警（全县，或指定乡镇/村所在乡镇），与每日巡检相同',
  tag: 'alerts',
  request: { body: z.object({ regionCode: RegionCode.optional() }).optional() },
  responses: { 200: { description: '评估结果', schema: AreaAlertRun }, ...errorResponses },
});

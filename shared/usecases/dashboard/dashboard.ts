/**
 * The dashboard of a scope (issue 7 part 4): county staff and auditors see the county (or, narrowed,
 * one town or village of it), a town official the town, a village cadre the village. It opens with
 * its steps, each one read and never a scan of households:
 * 1. the scope (the caller's, narrowed by `townCode`/`villageCode` inside it — else 404);
 * 2. the county's regions (one index query), the scope's village counters (one query), the months'
 *    trend events (one query), the year's threshold (one read), the first page of the scope's open
 *    alerts (the alert lists; further pages only to count them by kind);
 * 3. totals, per-area rows and trends (pure).
 */
import { narrowRegion } from '../../auth/authorize.ts';
import type { Identity } from '../../auth/identity.ts';
import type { AlertScope, AlertStore } from '../../adapters/alert-store.ts';
import type { Alert } from '../../domain/alert.ts';
import { sumCounts, TREND_EVENT_ZH, type MonthTrend, type VillageCounts } from '../../domain/area-counts.ts';
import {
  isBlankVillage,
  percentText,
  shareAbove,
  sharePerMille,
  thresholdText,
} from '../../domain/area-alerts.ts';
import type { AreaRegion } from '../../domain/area-alerts.ts';
import { isWithin, levelOf, townOf } from '../../domain/region.ts';
import { ValidationFailed } from '../../http/errors.ts';
import type { DashboardView } from '../../contracts/dashboard.ts';
import { shareThresholdBp } from '../alerts/area-alerts.ts';
import type { AreaAlertDeps } from '../alerts/area-alerts.ts';
import { ALERT_KIND_ZH, breakdowns } from './labels.ts';
import { trendMonths, trendsOf } from './trends.ts';

export interface DashboardDeps extends Pick<AreaAlertDeps, 'regions' | 'config'> {
  readonly counts: AreaAlertDeps['counts'] & {
    months(countyCode: string, fromMonth: string, toMonth: string, within?: string): Promise<MonthTrend[]>;
  };
  readonly alerts: Pick<AlertStore, 'listOpen'>;
}

/** The open alerts shown with the dashboard (the first page of the scope's list). */
export const DASHBOARD_ALERTS = 20;

const scopeOf = (identity: Identity, query: { townCode?: string; villageCode?: string }): string => {
  if (query.townCode && levelOf(query.townCode) !== 'town')
    throw new ValidationFailed([{ path: 'query.townCode', message: '应为乡镇的区划代码' }]);
  if (query.villageCode && levelOf(query.villageCode) !== 'village')
    throw new ValidationFailed([{ path: 'query.villageCode', message: '应为村的区划代码' }]);
  if (query.townCode && query.villageCode && townOf(query.villageCode) !== query.townCode)
    throw new ValidationFailed([{ path: 'query.villageCode', message: '该村不属于所选乡镇' }]);
  return narrowRegion(identity, query.villageCode ?? query.townCode);
};

const alertScopeOf = (countyCode: string, scope: string): AlertScope => {
  const level = levelOf(scope);
  if (level === 'village') return { countyCode, villageCode: scope };
  if (level === 'town') return { countyCode, townCode: scope };
  return { countyCode };
};

const openAlerts = async (deps: DashboardDeps, scope: AlertScope) => {
  const first = await deps.alerts.listOpen(scope, { limit: DASHBOARD_ALERTS });
  const all: Alert[] = [...first.items];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await deps.alerts.listOpen(scope, { limit: 200, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  }
  const counts = new Map<Alert['kind'], number>();
  for (const a of all) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return {
    items: first.items,
    ...(first.nextCursor ? { nextCursor: first.nextCursor } : {}),
    total: all.length,
    byKind: [...counts].map(([kind, count]) => ({ kind, label: ALERT_KIND_ZH[kind], count })),
  };
};

const share = (unresolved: number, households: number, shareBp: number) => ({
  sharePercent: sharePerMille(unresolved, households) / 10,
  shareText: percentText(unresolved, households),
  aboveThreshold: shareAbove(unresolved, households, shareBp),
});

/** Villages with no monitored household (空白村) among `codes`: no counter item, or none monitored/eliminated. */
const blankCount = (codes: readonly string[], villages: readonly VillageCounts[]): number => {
  const byCode = new Map(villages.map((v) => [v.villageCode, v]));
  return codes.filter((code) => {
    const counts = byCode.get(code);
    return !counts || isBlankVillage(counts);
  }).length;
};

const areaRow = (
  region: AreaRegion,
  villages: readonly VillageCounts[],
  villageCodes: readonly string[],
  shareBp: number,
) => {
  const totals = sumCounts(villages.filter((v) => isWithin(v.villageCode, region.code)));
  const unresolved = totals.byStatus.monitored.households;
  return {
    code: region.code,
    name: region.name,
    level: region.level === 'town' ? ('town' as const) : ('village' as const),
    households: totals.households,
    persons: totals.persons,
    unresolved,
    eliminated: totals.byStatus.eliminated.households,
    blankVillages: blankCount(
      villageCodes.filter((c) => isWithin(c, region.code)),
      villages,
    ),
    ...share(unresolved, totals.households, shareBp),
  };
};

export const getDashboard = async (
  deps: DashboardDeps,
  identity: Identity,
  query: { townCode?: string; villageCode?: string },
  now: Date,
): Promise<DashboardView> => {
  const scope = scopeOf(identity, query);
  const { countyCode } = identity;
  const level = levelOf(scope);
  const within = level === 'county' ? undefined : scope;
  const months = trendMonths(now);
  const [regions, villages, trendItems, shareBp, alerts] = await Promise.all([
    deps.regions.listCounty(countyCode),
    deps.counts.villages(countyCode, within),
    deps.counts.months(countyCode, months[0] ?? '', months[months.length - 1] ?? '', within),
    shareThresholdBp(deps, countyCode, now),
    openAlerts(deps, alertScopeOf(countyCode, scope)),
  ]);
  const inScope = regions.filter((r) => isWithin(r.code, scope));
  const villageCodes = [
    ...new Set([
      ...inScope.filter((r) => r.level === 'village').map((r) => r.code),
      ...villages.map((v) => v.villageCode),
    ]),
  ].sort();
  const totals = sumCounts(villages);
  const unresolved = totals.byStatus.monitored;
  const rowLevel = level === 'county' ? 'town' : 'village';
  const rows =
    level === 'village'
      ? inScope.filter((r) => r.code === scope)
      : inScope.filter((r) => r.level === rowLevel);
  const scopeRegion = regions.find((r) => r.code === scope);
  return {
    scope: { level, code: scope, name: scopeRegion?.name ?? scope },
    asOf: now.toISOString(),
    threshold: { share: shareBp / 10_000, text: thresholdText(shareBp) },
    totals: {
      households: totals.households,
      persons: totals.persons,
      villages: villageCodes.length,
      blankVillages: blankCount(villageCodes, villages),
      unresolved: {
        households: unresolved.households,
        persons: unresolved.persons,
        ...share(unresolved.households, totals.households, shareBp),
      },
      ...breakdowns(totals),
    },
    areas: rows.map((r) => areaRow(r, villages, villageCodes, shareBp)),
    trends: trendsOf(months, trendItems, unresolved.households),
    trendLabels: { ...TREND_EVENT_ZH },
    alerts,
  };
};

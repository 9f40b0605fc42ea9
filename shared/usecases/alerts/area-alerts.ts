/**
 * The area alerts (`monitored_share_high`, `blank_village`, see `shared/domain/area-alerts.ts`) kept
 * in step with the area counters, never by scanning households:
 * 1. the year's threshold (`alerts.monitoredShareAbove`), the county's regions (one index query) and
 *    the counters of the evaluated county or town (ONE query, `areaCountStore.villages`);
 * 2. which alerts hold (pure);
 * 3. the open alerts of that county or town (the alert lists), then raise the missing ones — linked to
 *    the region and to up to 20 of its monitored households (one query of the household index, only
 *    for an alert being raised or rewritten) —, rewrite the open ones whose figures moved (the
 *    raised time kept) and clear those that no longer hold.
 * Used by the daily sweep (every county), after each county approval that moves the counters (the
 * household's town, which holds its village) and by `POST /alerts/refresh`.
 */
import type { AlertRefresher, AlertScope, AlertStore } from '../../adapters/alert-store.ts';
import { openAlert, type Alert } from '../../domain/alert.ts';
import type { VillageCounts } from '../../domain/area-counts.ts';
import {
  areaAlertSync,
  areaAlertsOf,
  basisPointsOf,
  type AreaAlert,
  type AreaRegion,
} from '../../domain/area-alerts.ts';
import { countyOf, isWithin, levelOf, townOf } from '../../domain/region.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import type { YearConfig } from '../../domain/year-config.ts';

/** How many monitored households an alert links at most. */
export const LINKED_HOUSEHOLDS = 20;

export interface AreaAlertDeps {
  readonly counts: { villages(countyCode: string, within?: string): Promise<VillageCounts[]> };
  readonly regions: { listCounty(countyCode: string): Promise<AreaRegion[]> };
  readonly alerts: Pick<AlertStore, 'raise' | 'clear' | 'listOpen'> & AlertRefresher;
  /** Ids of up to `limit` households of type monitored in a village or town (its household index). */
  readonly monitoredHouseholds: (level: 'village' | 'town', code: string, limit: number) => Promise<string[]>;
  readonly config: (countyCode: string, year: number) => Promise<YearConfig>;
}

export interface AreaAlertResult {
  /** Alerts that hold after the run (open). */
  readonly holding: number;
  readonly raised: number;
  /** Open alerts whose figures moved, rewritten (raised time kept). */
  readonly updated: number;
  readonly cleared: number;
}

/** The threshold of the county's year at `now` (Asia/Shanghai), in basis points. */
export const shareThresholdBp = async (deps: Pick<AreaAlertDeps, 'config'>, countyCode: string, now: Date) =>
  basisPointsOf(
    (await deps.config(countyCode, Number(shanghaiDate(now).slice(0, 4)))).alerts.monitoredShareAbove,
  );

const openAlertsOf = async (alerts: AreaAlertDeps['alerts'], scope: AlertScope): Promise<Alert[]> => {
  const all: Alert[] = [];
  let cursor: string | undefined;
  do {
    const page = await alerts.listOpen(scope, { limit: 200, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

const contentOf = async (deps: AreaAlertDeps, alert: AreaAlert) => {
  const households = alert.householdsOf
    ? await deps.monitoredHouseholds(alert.householdsOf.level, alert.householdsOf.code, LINKED_HOUSEHOLDS)
    : [];
  return {
    kind: alert.kind,
    key: alert.key,
    title: alert.title,
    detail: alert.detail,
    links: [
      { type: 'region' as const, id: alert.scopeCode },
      ...households.map((id) => ({ type: 'household' as const, id })),
    ],
  };
};

/**
 * Brings the area alerts of a county (`within` = the county code) or of one town (a town code: the
 * town and all its villages) in line with the counters.
 */
export const syncAreaAlerts = async (
  deps: AreaAlertDeps,
  within: string,
  now: Date,
): Promise<AreaAlertResult> => {
  const countyCode = countyOf(within);
  const wholeCounty = levelOf(within) === 'county';
  const [shareBp, regions, villages] = await Promise.all([
    shareThresholdBp(deps, countyCode, now),
    deps.regions.listCounty(countyCode),
    deps.counts.villages(countyCode, wholeCounty ? undefined : within),
  ]);
  const holding = areaAlertsOf({
    regions: regions.filter((r) => r.level !== 'county' && isWithin(r.code, within)),
    villages,
    shareBp,
  });
  const open = await openAlertsOf(
    deps.alerts,
    wholeCounty ? { countyCode } : { countyCode, townCode: within },
  );
  const { raise, update, clear } = areaAlertSync(holding, open, within);
  const at = now.toISOString();
  let raised = 0;
  for (const alert of raise) {
    const content = await contentOf(deps, alert);
    if (await deps.alerts.raise(openAlert({ ...content, scopeCode: alert.scopeCode, raisedAt: at })))
      raised += 1;
  }
  let updated = 0;
  for (const alert of update)
    if (await deps.alerts.refresh({ countyCode, ...(await contentOf(deps, alert)) })) updated += 1;
  let cleared = 0;
  for (const alert of clear) if (await deps.alerts.clear(countyCode, alert.kind, alert.key, at)) cleared += 1;
  return { holding: holding.length, raised, updated, cleared };
};

/** After a decision about a household of `villageCode`: its village and its town, re-evaluated. */
export const refreshAreaAlertsOf = (deps: AreaAlertDeps, villageCode: string, now: Date) =>
  syncAreaAlerts(deps, townOf(villageCode), now);

/** The daily sweep: every county, one counter query each. */
export const sweepAreaAlerts = async (
  deps: AreaAlertDeps,
  counties: readonly string[],
  now: Date,
): Promise<AreaAlertResult & { readonly counties: number }> => {
  const total = { counties: counties.length, holding: 0, raised: 0, updated: 0, cleared: 0 };
  for (const countyCode of counties) {
    const result = await syncAreaAlerts(deps, countyCode, now);
    total.holding += result.holding;
    total.raised += result.raised;
    total.updated += result.updated;
    total.cleared += result.cleared;
  }
  return total;
};

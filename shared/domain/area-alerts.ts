/**
 * The two alerts read from the area counters (SPEC §4.7; `002_…` line 43 and line 53), pure:
 * - `monitored_share_high`: a village's or a town's unresolved monitored households (status
 *   `monitored`) are STRICTLY above the configured share of its households (`alerts.monitoredShareAbove`,
 *   default 0.02): 10 of 500 (2.0 %) raises nothing, 11 of 500 (2.2 %) raises it. Keys `village#<code>`
 *   and `town#<code>`; a town's figures are the sums of its villages.
 * - `blank_village` (空白村, "村无监测对象"): a village of the county with no monitored household at
 *   all — none with status `monitored` or `eliminated`. An eliminated household is still a monitored
 *   household whose risk is marked eliminated, so it counts; a removed one (清退) was found not to be
 *   one, so a village whose monitored households were all removed is blank again, as is a village
 *   never identified or with no household registered. Key `village#<code>`.
 * Which alerts hold is decided here from the counters; the use case
 * (`shared/usecases/alerts/area-alerts.ts`) raises what is missing and clears what no longer holds.
 */
import type { AlertKind } from './alert.ts';
import type { VillageCounts } from './area-counts.ts';
import { isWithin, townOf } from './region.ts';

export const AREA_ALERT_KINDS = [
  'monitored_share_high',
  'blank_village',
] as const satisfies readonly AlertKind[];
export type AreaAlertKind = (typeof AREA_ALERT_KINDS)[number];

export const isAreaAlertKind = (kind: AlertKind): kind is AreaAlertKind =>
  (AREA_ALERT_KINDS as readonly AlertKind[]).includes(kind);

/** What the rules read of a village's counters. */
export type VillageTally = Pick<VillageCounts, 'villageCode' | 'townCode' | 'households' | 'byStatus'>;

export interface AreaRegion {
  readonly code: string;
  readonly name: string;
  readonly level: 'county' | 'town' | 'village';
}

/** An alert that holds, before it is raised (the use case adds the time and the household links). */
export interface AreaAlert {
  readonly kind: AreaAlertKind;
  readonly key: string;
  /** The village or town concerned. */
  readonly scopeCode: string;
  readonly title: string;
  readonly detail: string;
  /** The monitored households to link: those of this village or town (none for a blank village). */
  readonly householdsOf?: { readonly level: 'village' | 'town'; readonly code: string };
}

export const areaAlertKey = (level: 'village' | 'town', code: string): string => `${level}#${code}`;

/** A share as integer basis points (0.02 → 200), so the comparison never rounds money-like figures. */
export const basisPointsOf = (share: number): number => Math.round(share * 10_000);

/** Strictly above: `unresolved / households > share`, compared in integers. */
export const shareAbove = (unresolved: number, households: number, shareBp: number): boolean =>
  unresolved * 10_000 > shareBp * households;

/** The share in tenths of a percent, rounded half up (12 of 500 → 24, i.e. 2.4 %); 0 without households. */
export const sharePerMille = (part: number, whole: number): number =>
  whole <= 0 ? 0 : Math.floor((2 * part * 1000 + whole) / (2 * whole));

/** `2.4%` (one decimal). */
export const percentText = (part: number, whole: number): string => {
  const tenths = sharePerMille(part, whole);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
};

/** The threshold as people write it: 200 → `2%`, 250 → `2.5%`. */
export const thresholdText = (shareBp: number): string => `${shareBp / 100}%`;

/** No household with status monitored or eliminated (see the module comment). */
export const isBlankVillage = (v: Pick<VillageTally, 'byStatus'>): boolean =>
  v.byStatus.monitored.households + v.byStatus.eliminated.households === 0;

const zeroTally = (villageCode: string): VillageTally => ({
  villageCode,
  townCode: townOf(villageCode),
  households: 0,
  byStatus: {
    monitored: { households: 0, persons: 0 },
    eliminated: { households: 0, persons: 0 },
    removed: { households: 0, persons: 0 },
  },
});

const shareAlert = (
  level: 'village' | 'town',
  code: string,
  name: string,
  unresolved: number,
  households: number,
  shareBp: number,
): AreaAlert => {
  const whole = level === 'village' ? '全村' : '全镇';
  const limit = thresholdText(shareBp);
  return {
    kind: 'monitored_share_high',
    key: areaAlertKey(level, code),
    scopeCode: code,
    title: `未消除风险监测对象占比超过 ${limit}：${name}`,
    detail:
      `未消除风险监测对象占比 ${percentText(unresolved, households)}（${unresolved}/${households} 户），` +
      `超过 ${limit}：${name}未消除风险的监测对象 ${unresolved} 户，${whole}在册 ${households} 户。` +
      `占比严格大于 ${limit} 时预警，等于 ${limit} 不预警；请重点关注。`,
    householdsOf: { level, code },
  };
};

const blankAlert = (v: VillageTally, name: string): AreaAlert => ({
  kind: 'blank_village',
  key: areaAlertKey('village', v.villageCode),
  scopeCode: v.villageCode,
  title: `空白村：${name}无监测对象`,
  detail:
    `${name}在册 ${v.households} 户，无监测对象（监测中 0 户、风险已消除 0 户` +
    `${v.byStatus.removed.households > 0 ? `，曾纳入后已清退 ${v.byStatus.removed.households} 户` : ''}）。` +
    '请核实是否存在应纳尽纳的遗漏。',
});

/**
 * The area alerts that hold for the given towns and villages: every village listed in `regions`
 * (or found in the counters) and every town listed, each town over all of its villages. A village
 * with no counter item counts as 0 households.
 */
export const areaAlertsOf = (input: {
  readonly regions: readonly AreaRegion[];
  readonly villages: readonly VillageTally[];
  readonly shareBp: number;
}): AreaAlert[] => {
  const names = new Map(input.regions.map((r) => [r.code, r.name]));
  const tallies = new Map(input.villages.map((v) => [v.villageCode, v]));
  for (const r of input.regions)
    if (r.level === 'village' && !tallies.has(r.code)) tallies.set(r.code, zeroTally(r.code));
  const villages = [...tallies.values()].sort((a, b) => a.villageCode.localeCompare(b.villageCode));
  const alerts: AreaAlert[] = [];
  for (const v of villages) {
    const name = names.get(v.villageCode) ?? v.villageCode;
    const unresolved = v.byStatus.monitored.households;
    if (shareAbove(unresolved, v.households, input.shareBp))
      alerts.push(shareAlert('village', v.villageCode, name, unresolved, v.households, input.shareBp));
    if (isBlankVillage(v)) alerts.push(blankAlert(v, name));
  }
  for (const town of input.regions.filter((r) => r.level === 'town')) {
    const own = villages.filter((v) => isWithin(v.villageCode, town.code));
    const households = own.reduce((sum, v) => sum + v.households, 0);
    const unresolved = own.reduce((sum, v) => sum + v.byStatus.monitored.households, 0);
    if (shareAbove(unresolved, households, input.shareBp))
      alerts.push(shareAlert('town', town.code, town.name, unresolved, households, input.shareBp));
  }
  return alerts;
};

/** An open alert as the store lists it: what the sync compares. */
export interface OpenAreaAlert {
  readonly kind: AlertKind;
  readonly key: string;
  readonly scopeCode: string;
  readonly title: string;
  readonly detail: string;
}

/**
 * What to do so the open alerts of the evaluated region (`within`: a county or a town code) match
 * those that hold: raise the missing ones, rewrite the open ones whose figures moved (`update`: title
 * or detail differ), clear the open ones of the two kinds that no longer hold. Alerts of other kinds
 * and of other regions are left alone.
 */
export const areaAlertSync = <O extends OpenAreaAlert>(
  holding: readonly AreaAlert[],
  open: readonly O[],
  within: string,
): { readonly raise: AreaAlert[]; readonly update: AreaAlert[]; readonly clear: O[] } => {
  const id = (a: { kind: string; key: string }) => `${a.kind}|${a.key}`;
  const mine = new Map(
    open.filter((a) => isAreaAlertKind(a.kind) && isWithin(a.scopeCode, within)).map((a) => [id(a), a]),
  );
  const holdingIds = new Set(holding.map(id));
  return {
    raise: holding.filter((a) => !mine.has(id(a))),
    update: holding.filter((a) => {
      const current = mine.get(id(a));
      return current !== undefined && (current.title !== a.title || current.detail !== a.detail);
    }),
    clear: [...mine.values()].filter((a) => !holdingIds.has(id(a))),
  };
};

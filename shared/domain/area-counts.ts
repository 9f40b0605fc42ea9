/**
 * The maintained area counters (SPEC §4.7; issue 7 parts 2 and 4): what a household counts for in
 * its village's counter item, and the monthly trend events. Pure; the store layout is in
 * `shared/adapters/area-count-store.ts`.
 *
 * Each writer that changes a household's facet (registry type or active members, monitoring
 * status, category or risks) adds `countDelta(before, after)` to its village's counter item with
 * ADD, in the SAME transaction as the change — so a replayed or cancelled request moves no counter.
 * Category and risk are counted for households whose monitoring status is `monitored` (unresolved).
 */
import type { Household, HouseholdType } from './household-schema.ts';
import { HOUSEHOLD_TYPES } from './household-schema.ts';
import type { HouseholdMonitoring, MonitoringStatus } from './monitoring/household-monitoring.ts';
import { MONITORING_STATUSES } from './monitoring/household-monitoring.ts';
import type { ProcedureKind } from './monitoring/procedure.ts';
import type { MonitoringCategory, RiskType } from './monitoring/risk.ts';
import { MONITORING_CATEGORIES, RISK_TYPES } from './monitoring/risk.ts';
import { countyOf, townOf } from './region.ts';

/** What the counters count of one household: the registry item and its monitoring STATE, if any. */
export interface HouseholdFacet {
  readonly countyCode: string;
  readonly townCode: string;
  readonly villageCode: string;
  readonly type: HouseholdType;
  /** Active members (减员 and moved-out members are not counted). */
  readonly persons: number;
  readonly monitoring?: {
    readonly status: MonitoringStatus;
    readonly category: MonitoringCategory;
    readonly risks: readonly RiskType[];
  };
}

export const facetOf = (
  household: Pick<Household, 'countyCode' | 'townCode' | 'villageCode' | 'type' | 'members'>,
  monitoring?: Pick<HouseholdMonitoring, 'status' | 'category' | 'risks'>,
): HouseholdFacet => ({
  countyCode: household.countyCode,
  townCode: household.townCode,
  villageCode: household.villageCode,
  type: household.type,
  persons: household.members.filter((m) => m.status === 'active').length,
  ...(monitoring
    ? { monitoring: { status: monitoring.status, category: monitoring.category, risks: monitoring.risks } }
    : {}),
});

/** The flat, stable attribute names of a village counter item. */
export const COUNT_ATTRIBUTES = {
  households: 'households',
  persons: 'persons',
  type: (type: HouseholdType) => `type_${type}`,
  status: (status: MonitoringStatus) => `status_${status}`,
  statusPersons: (status: MonitoringStatus) => `status_${status}_persons`,
  category: (category: MonitoringCategory) => `category_${category}`,
  risk: (risk: RiskType) => `risk_${risk}`,
} as const;

const add = (into: Record<string, number>, name: string, value: number) => {
  into[name] = (into[name] ?? 0) + value;
};

/** What one household adds to its village's counters. */
export const contributionOf = (facet: HouseholdFacet): Record<string, number> => {
  const out: Record<string, number> = {};
  add(out, COUNT_ATTRIBUTES.households, 1);
  add(out, COUNT_ATTRIBUTES.persons, facet.persons);
  add(out, COUNT_ATTRIBUTES.type(facet.type), 1);
  const m = facet.monitoring;
  if (m) {
    add(out, COUNT_ATTRIBUTES.status(m.status), 1);
    add(out, COUNT_ATTRIBUTES.statusPersons(m.status), facet.persons);
    if (m.status === 'monitored') {
      add(out, COUNT_ATTRIBUTES.category(m.category), 1);
      for (const risk of new Set(m.risks)) add(out, COUNT_ATTRIBUTES.risk(risk), 1);
    }
  }
  return out;
};

/**
 * The ADD increments of the village counter item for one household's change; `before` undefined
 * for a new household, `after` undefined for one that leaves the counters. Zero entries omitted.
 * A household never changes village (a move between villages is two households, two deltas).
 */
export const countDelta = (
  before: HouseholdFacet | undefined,
  after: HouseholdFacet | undefined,
): Record<string, number> => {
  if (before && after && before.villageCode !== after.villageCode)
    throw new Error('countDelta: a household does not change village');
  const delta: Record<string, number> = {};
  for (const [name, value] of Object.entries(after ? contributionOf(after) : {})) add(delta, name, value);
  for (const [name, value] of Object.entries(before ? contributionOf(before) : {})) add(delta, name, -value);
  return Object.fromEntries(Object.entries(delta).filter(([, value]) => value !== 0));
};

/** A village's counters as read back; missing attributes are 0. */
export interface VillageCounts {
  readonly countyCode: string;
  readonly townCode: string;
  readonly villageCode: string;
  readonly households: number;
  readonly persons: number;
  readonly byType: Record<HouseholdType, number>;
  readonly byStatus: Record<MonitoringStatus, { households: number; persons: number }>;
  readonly byCategory: Record<MonitoringCategory, number>;
  readonly byRisk: Record<RiskType, number>;
}

/** Totals over villages (a town, a county, any list). */
export type AreaTotals = Omit<VillageCounts, 'countyCode' | 'townCode' | 'villageCode'> & {
  readonly villages: number;
};

const numberOf = (item: Record<string, unknown>, name: string): number => {
  const value = item[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

const record = <K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> =>
  Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;

export const villageCountsOf = (item: Record<string, unknown>): VillageCounts => {
  const villageCode = typeof item.villageCode === 'string' ? item.villageCode : '';
  return {
    countyCode: typeof item.countyCode === 'string' ? item.countyCode : countyOf(villageCode),
    townCode: typeof item.townCode === 'string' ? item.townCode : townOf(villageCode),
    villageCode,
    households: numberOf(item, COUNT_ATTRIBUTES.households),
    persons: numberOf(item, COUNT_ATTRIBUTES.persons),
    byType: record(HOUSEHOLD_TYPES, (t) => numberOf(item, COUNT_ATTRIBUTES.type(t))),
    byStatus: record(MONITORING_STATUSES, (s) => ({
      households: numberOf(item, COUNT_ATTRIBUTES.status(s)),
      persons: numberOf(item, COUNT_ATTRIBUTES.statusPersons(s)),
    })),
    byCategory: record(MONITORING_CATEGORIES, (c) => numberOf(item, COUNT_ATTRIBUTES.category(c))),
    byRisk: record(RISK_TYPES, (r) => numberOf(item, COUNT_ATTRIBUTES.risk(r))),
  };
};

export const emptyTotals = (): AreaTotals => ({
  villages: 0,
  households: 0,
  persons: 0,
  byType: record(HOUSEHOLD_TYPES, () => 0),
  byStatus: record(MONITORING_STATUSES, () => ({ households: 0, persons: 0 })),
  byCategory: record(MONITORING_CATEGORIES, () => 0),
  byRisk: record(RISK_TYPES, () => 0),
});

export const sumCounts = (list: readonly VillageCounts[]): AreaTotals =>
  list.reduce<AreaTotals>(
    (sum, v) => ({
      villages: sum.villages + 1,
      households: sum.households + v.households,
      persons: sum.persons + v.persons,
      byType: record(HOUSEHOLD_TYPES, (t) => sum.byType[t] + v.byType[t]),
      byStatus: record(MONITORING_STATUSES, (s) => ({
        households: sum.byStatus[s].households + v.byStatus[s].households,
        persons: sum.byStatus[s].persons + v.byStatus[s].persons,
      })),
      byCategory: record(MONITORING_CATEGORIES, (c) => sum.byCategory[c] + v.byCategory[c]),
      byRisk: record(RISK_TYPES, (r) => sum.byRisk[r] + v.byRisk[r]),
    }),
    emptyTotals(),
  );

/** The monthly trend events, counted per village and month (Asia/Shanghai). */
export const TREND_EVENTS = [
  'households_added',
  'identified',
  'eliminated',
  'rolled_back',
  'removed',
] as const;
export type TrendEvent = (typeof TREND_EVENTS)[number];

export const TREND_EVENT_ZH: Readonly<Record<TrendEvent, string>> = {
  households_added: '新增农户',
  identified: '新识别监测对象',
  eliminated: '风险消除',
  rolled_back: '回退',
  removed: '清退',
};

/** The trend event of an approved procedure. */
export const TREND_OF_PROCEDURE: Readonly<Record<ProcedureKind, TrendEvent>> = {
  identification: 'identified',
  elimination: 'eliminated',
  rollback: 'rolled_back',
  removal: 'removed',
};

export interface MonthTrend {
  /** `YYYY-MM`, Asia/Shanghai. */
  readonly month: string;
  readonly townCode: string;
  readonly villageCode: string;
  readonly events: Record<TrendEvent, number>;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The ADD increment of a month item for one event (the month is checked, `YYYY-MM`). */
export const trendDelta = (
  event: TrendEvent,
  month: string,
  count = 1,
): { readonly month: string; readonly delta: Record<string, number> } => {
  if (!MONTH.test(month)) throw new Error(`trendDelta: month must be YYYY-MM, got ${month}`);
  return { month, delta: { [event]: count } };
};

export const monthTrendOf = (item: Record<string, unknown>): MonthTrend => {
  const villageCode = typeof item.villageCode === 'string' ? item.villageCode : '';
  return {
    month: typeof item.month === 'string' ? item.month : '',
    townCode: typeof item.townCode === 'string' ? item.townCode : townOf(villageCode),
    villageCode,
    events: record(TREND_EVENTS, (e) => numberOf(item, e)),
  };
};

/** A village's counters back in the flat attribute layout (zero entries omitted): for comparisons. */
export const flatCounts = (
  v: Omit<VillageCounts, 'countyCode' | 'townCode' | 'villageCode'>,
): Record<string, number> => {
  const out: Record<string, number> = {};
  add(out, COUNT_ATTRIBUTES.households, v.households);
  add(out, COUNT_ATTRIBUTES.persons, v.persons);
  for (const t of HOUSEHOLD_TYPES) add(out, COUNT_ATTRIBUTES.type(t), v.byType[t]);
  for (const s of MONITORING_STATUSES) {
    add(out, COUNT_ATTRIBUTES.status(s), v.byStatus[s].households);
    add(out, COUNT_ATTRIBUTES.statusPersons(s), v.byStatus[s].persons);
  }
  for (const c of MONITORING_CATEGORIES) add(out, COUNT_ATTRIBUTES.category(c), v.byCategory[c]);
  for (const r of RISK_TYPES) add(out, COUNT_ATTRIBUTES.risk(r), v.byRisk[r]);
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== 0));
};

/** One attribute of one village whose maintained counter differs from a recount. */
export interface CountDrift {
  readonly villageCode: string;
  readonly attribute: string;
  readonly maintained: number;
  readonly recounted: number;
}

/** Where maintained counters and a recount (flat attributes per village) differ. */
export const countDrift = (
  maintained: readonly VillageCounts[],
  recounted: ReadonlyMap<string, Readonly<Record<string, number>>>,
): CountDrift[] => {
  const kept = new Map(maintained.map((v) => [v.villageCode, flatCounts(v)]));
  const villages = [...new Set([...kept.keys(), ...recounted.keys()])].sort();
  return villages.flatMap((villageCode) => {
    const a = kept.get(villageCode) ?? {};
    const b = recounted.get(villageCode) ?? {};
    return [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort()
      .map((attribute) => ({
        villageCode,
        attribute,
        maintained: a[attribute] ?? 0,
        recounted: b[attribute] ?? 0,
      }))
      .filter((d) => d.maintained !== d.recounted);
  });
};

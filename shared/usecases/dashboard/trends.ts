/**
 * The dashboard's monthly trends (pure): the last 12 months ending with the month of `now`
 * (Asia/Shanghai), each with its counted events and the unresolved monitored households at the
 * month's end. The counters keep the current unresolved count and each month's events, so a past
 * month's end is the current count minus the net change of every later month:
 * net = identified + rolled back − eliminated − removed.
 */
import { TREND_EVENTS, type MonthTrend, type TrendEvent } from '../../domain/area-counts.ts';
import { previousMonth, shanghaiMonth } from '../../domain/shanghai-time.ts';

export const TREND_MONTHS = 12;

export interface TrendRow {
  readonly month: string;
  readonly events: Record<TrendEvent, number>;
  /** Unresolved monitored households (status monitored) at the end of the month. */
  readonly unresolvedAtMonthEnd: number;
}

/** `YYYY-MM` of the 12 months ending with the month of `now`, oldest first. */
export const trendMonths = (now: Date, count = TREND_MONTHS): string[] => {
  const months = [shanghaiMonth(now)];
  while (months.length < count) months.unshift(previousMonth(months[0] ?? ''));
  return months;
};

const noEvents = (): Record<TrendEvent, number> =>
  Object.fromEntries(TREND_EVENTS.map((e) => [e, 0])) as Record<TrendEvent, number>;

const netUnresolved = (e: Record<TrendEvent, number>): number =>
  e.identified + e.rolled_back - e.eliminated - e.removed;

export const trendsOf = (
  months: readonly string[],
  villageMonths: readonly MonthTrend[],
  currentUnresolved: number,
): TrendRow[] => {
  const byMonth = new Map(months.map((m) => [m, noEvents()]));
  for (const t of villageMonths) {
    const sum = byMonth.get(t.month);
    if (!sum) continue;
    for (const e of TREND_EVENTS) sum[e] += t.events[e];
  }
  const rows: TrendRow[] = [];
  let unresolved = currentUnresolved;
  for (const month of [...months].reverse()) {
    const events = byMonth.get(month) ?? noEvents();
    rows.unshift({ month, events, unresolvedAtMonthEnd: unresolved });
    unresolved -= netUnresolved(events);
  }
  return rows;
};

/**
 * The periods of the cadence (SPEC §4.7, `000_…` “月比对、季分析”): a month `YYYY-MM` for the data
 * comparison, a quarter `YYYY-Qn` for the assistance-effect assessment; which period a schedule run
 * covers (the one just ended, Asia/Shanghai) and a run's id.
 */
import { z } from 'zod';
import { QUARTER } from '../monitoring/household-monitoring.ts';
import { previousMonth, shanghaiMidnight, shanghaiMonth } from '../shanghai-time.ts';
import { nextMonth } from '../submission.ts';

export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' })
  .meta({ description: '数据月份 YYYY-MM' });

export const Quarter = z
  .string()
  .regex(QUARTER, { error: '季度格式应为 YYYY-Qn（n 为 1–4）' })
  .meta({ description: '季度 YYYY-Qn' });

/** The month before the instant's Asia/Shanghai month: what the monthly run compares. */
export const monthBefore = (now: Date): string => previousMonth(shanghaiMonth(now));

/** The quarter before the instant's Asia/Shanghai quarter: what the quarterly run assesses. */
export const quarterBefore = (now: Date): string => {
  const [year, month] = shanghaiMonth(now).split('-').map(Number) as [number, number];
  const current = Math.ceil(month / 3);
  return current === 1 ? `${year - 1}-Q4` : `${year}-Q${current - 1}`;
};

export interface QuarterSpan {
  readonly firstMonth: string;
  readonly lastMonth: string;
  /** 00:00 Asia/Shanghai of the quarter's first day. */
  readonly start: Date;
  /** 00:00 Asia/Shanghai of the day after the quarter (exclusive). */
  readonly end: Date;
}

export const quarterSpan = (quarter: string): QuarterSpan => {
  const year = Number(quarter.slice(0, 4));
  const n = Number(quarter.slice(6));
  const first = `${year}-${String(3 * n - 2).padStart(2, '0')}`;
  const last = `${year}-${String(3 * n).padStart(2, '0')}`;
  return {
    firstMonth: first,
    lastMonth: last,
    start: shanghaiMidnight(`${first}-01`),
    end: shanghaiMidnight(`${nextMonth(last)}-01`),
  };
};

/**
 * A run's id: its start time (sortable, so a later run is a greater id) and a random suffix.
 * `2031-04-08T02:00:00.000Z` → `20310408T020000000Z-<suffix>`.
 */
export const runIdOf = (startedAt: Date, suffix: string): string =>
  `${startedAt.toISOString().replace(/[-:.]/g, '')}-${suffix}`;

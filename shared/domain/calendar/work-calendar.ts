/**
 * The State Council's holiday calendar (国务院办公厅 部分节假日安排, published each November for the
 * next year), kept as data per year: the days off of each holiday and its make-up working days
 * (调休上班). A day is a working day when it is a make-up working day, or a weekday that is not a
 * day off. Dates are Asia/Shanghai `YYYY-MM-DD`. Pure: no I/O.
 */
import { z } from 'zod';

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const HolidayPeriod = z
  .object({
    name: z.string().trim().min(1, '节日名称不能为空').max(50),
    offDays: z.array(IsoDate).min(1, '至少一天放假'),
    workDays: z.array(IsoDate).max(5).default([]).meta({ description: '调休上班日（周六、周日）' }),
  })
  .meta({ id: 'HolidayPeriod' });
export type HolidayPeriod = z.infer<typeof HolidayPeriod>;

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const CalendarYear = z.coerce
  .number()
  .int('年份应为整数')
  .min(YEAR_MIN, `年份应在 ${YEAR_MIN}–${YEAR_MAX} 之间`)
  .max(YEAR_MAX, `年份应在 ${YEAR_MIN}–${YEAR_MAX} 之间`);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00.000Z`).getUTCDay();
export const isWeekend = (date: string): boolean => [0, 6].includes(weekdayOf(date));
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** What county staff send for a year; the year comes from the path. */
export const WorkCalendarBody = z
  .object({
    source: z.string().trim().min(1, '请填写依据（通知名称与日期）').max(200),
    holidays: z.array(HolidayPeriod).min(1, '至少一个节假日').max(20),
  })
  .meta({ id: 'WorkCalendarBody' });
export type WorkCalendarBody = z.infer<typeof WorkCalendarBody>;

/**
 * Checks a year's calendar: every day within the year or next to it (a New Year holiday may begin
 * in December), no day listed twice, no day both off and working, make-up days on weekends only.
 * Issues are reported on `holidays.<i>.offDays.<j>` / `…workDays.<j>`.
 */
export const calendarIssues = (
  year: number,
  body: WorkCalendarBody,
): { path: (string | number)[]; message: string }[] => {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, string>();
  body.holidays.forEach((holiday, i) => {
    const check = (list: 'offDays' | 'workDays', date: string, j: number) => {
      const path = ['holidays', i, list, j];
      if (Math.abs(yearOf(date) - year) > 1) issues.push({ path, message: `日期不在 ${year} 年安排范围内` });
      else if (seen.has(date)) issues.push({ path, message: `日期重复（已列为${seen.get(date)}）` });
      else if (list === 'workDays' && !isWeekend(date))
        issues.push({ path, message: '调休上班日应为周六或周日' });
      seen.set(date, list === 'offDays' ? '放假日' : '调休上班日');
    };
    holiday.offDays.forEach((date, j) => check('offDays', date, j));
    holiday.workDays.forEach((date, j) => check('workDays', date, j));
  });
  return issues;
};

export const WorkCalendar = WorkCalendarBody.extend({ year: CalendarYear })
  .superRefine((value, ctx) => {
    for (const issue of calendarIssues(value.year, value)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .meta({ id: 'WorkCalendar' });
export type WorkCalendar = z.infer<typeof WorkCalendar>;

/** The loaded calendars, ready for lookups. */
export interface CalendarIndex {
  readonly loadedYears: ReadonlySet<number>;
  readonly offDays: ReadonlyMap<string, string>;
  readonly workDays: ReadonlySet<string>;
}

export const calendarIndex = (calendars: readonly WorkCalendar[]): CalendarIndex => {
  const offDays = new Map<string, string>();
  const workDays = new Set<string>();
  for (const calendar of calendars)
    for (const holiday of calendar.holidays) {
      holiday.offDays.forEach((date) => offDays.set(date, holiday.name));
      holiday.workDays.forEach((date) => workDays.add(date));
    }
  return { loadedYears: new Set(calendars.map((c) => c.year)), offDays, workDays };
};

/** Whether the calendar of the date's year is loaded (else only weekends are known). */
export const isKnown = (date: string, index: CalendarIndex): boolean => index.loadedYears.has(yearOf(date));

/**
 * A working day: a make-up working day, or a weekday that is not a holiday's day off. Where the
 * year is not loaded this is the weekday rule alone; callers flag it (`isKnown`).
 */
export const isWorkingDay = (date: string, index: CalendarIndex): boolean =>
  index.workDays.has(date) || (!isWeekend(date) && !index.offDays.has(date));

/** The holiday a date is a day off of, if any. */
export const holidayOf = (date: string, index: CalendarIndex): string | undefined => index.offDays.get(date);

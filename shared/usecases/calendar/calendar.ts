/**
 * Reading and loading a year's holiday calendar. County staff load a year when the State Council
 * publishes it (each November) or replace a year that was wrong; the change is audited with the
 * before and after counts. The calendar is national: every county counts on the same one.
 */
import type { Identity } from '../../auth/identity.ts';
import type { AlertStore } from '../../adapters/alert-store.ts';
import type { CalendarStore } from '../../adapters/calendar-store.ts';
import type { StoredCalendar } from '../../domain/calendar/stored-calendar.ts';
import { calendarIssues, type WorkCalendarBody } from '../../domain/calendar/work-calendar.ts';
import { NotFound, ValidationFailed } from '../../http/errors.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';

export interface CalendarDeps {
  readonly calendars: Pick<CalendarStore, 'get' | 'put'>;
  /** Loading a year clears every county's `calendar_missing` alert of that year. */
  readonly alerts: Pick<AlertStore, 'clear'>;
  readonly listCounties: () => Promise<string[]>;
  readonly newId: () => string;
}

export const getCalendar = async (deps: CalendarDeps, year: number): Promise<StoredCalendar> => {
  const calendar = await deps.calendars.get(year);
  if (!calendar) throw new NotFound(`${year} 年节假日安排尚未载入`);
  return calendar;
};

const countsOf = (calendar: Pick<StoredCalendar, 'holidays'> | undefined) =>
  calendar
    ? {
        holidays: calendar.holidays.length,
        offDays: calendar.holidays.reduce((n, h) => n + h.offDays.length, 0),
        workDays: calendar.holidays.reduce((n, h) => n + h.workDays.length, 0),
      }
    : undefined;

export const putCalendar = async (
  deps: CalendarDeps,
  caller: { identity: Identity; now: Date; requestId?: string },
  year: number,
  body: WorkCalendarBody,
): Promise<StoredCalendar> => {
  const issues = calendarIssues(year, body);
  if (issues.length > 0)
    throw new ValidationFailed(
      issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    );
  const before = await deps.calendars.get(year);
  const at = caller.now.toISOString();
  const calendar: StoredCalendar = {
    year,
    source: body.source,
    holidays: body.holidays,
    origin: 'loaded',
    loadedAt: at,
    loadedBy: caller.identity.userId,
  };
  const audit = fundAuditItems({
    auditId: deps.newId(),
    at,
    identity: caller.identity,
    action: before ? 'calendar.replaced' : 'calendar.loaded',
    entityType: 'calendar',
    entityId: String(year),
    countyCode: caller.identity.countyCode,
    summary: `${before ? '替换' : '载入'} ${year} 年节假日安排：${body.source}`,
    details: { source: body.source, ...countsOf(body), ...(before ? { before: countsOf(before) } : {}) },
    requestId: caller.requestId,
  });
  await deps.calendars.put(calendar, audit);
  for (const countyCode of await deps.listCounties())
    await deps.alerts.clear(countyCode, 'calendar_missing', String(year), at);
  return calendar;
};

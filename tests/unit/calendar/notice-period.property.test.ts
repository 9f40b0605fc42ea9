import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noticeEnd } from '../../../shared/domain/calendar/notice-period.ts';
import { addDays, calendarIndex, isWorkingDay } from '../../../shared/domain/calendar/work-calendar.ts';
import { PUBLISHED_CALENDARS } from '../../../shared/domain/calendar/published.ts';
import { shanghaiDate, shanghaiMidnight } from '../../../shared/domain/shanghai-time.ts';

const calendars = calendarIndex([...PUBLISHED_CALENDARS.values()]);
/** Any instant from 2025-01-01 to 2026-11-30 (Asia/Shanghai), so every period stays in loaded years. */
const postedAt = fc
  .integer({ min: Date.parse('2024-12-31T16:00:00Z'), max: Date.parse('2026-11-30T15:59:59Z') })
  .map((ms) => new Date(ms));
const days = fc.integer({ min: 1, max: 20 });

const daysFrom = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('noticeEnd invariants', () => {
  it('starts the day after posting, ends at 24:00 of a working last day, never flags a loaded year', () => {
    fc.assert(
      fc.property(postedAt, days, fc.boolean(), (at, n, working) => {
        const period = noticeEnd(at, n, working, calendars);
        expect(period.firstDay).toBe(addDays(shanghaiDate(at), 1));
        expect(isWorkingDay(period.lastDay, calendars)).toBe(true);
        expect(period.endsAt).toBe(shanghaiMidnight(addDays(period.lastDay, 1)).toISOString());
        expect(period.calendarMissing).toEqual([]);
      }),
    );
  });

  it('in working days, the period holds exactly that many working days', () => {
    fc.assert(
      fc.property(postedAt, days, (at, n) => {
        const period = noticeEnd(at, n, true, calendars);
        expect(
          daysFrom(period.firstDay, period.lastDay).filter((d) => isWorkingDay(d, calendars)),
        ).toHaveLength(n);
      }),
    );
  });

  it('in calendar days, the last day moves only past rest days, to the first working day', () => {
    fc.assert(
      fc.property(postedAt, days, (at, n) => {
        const period = noticeEnd(at, n, false, calendars);
        const nominal = addDays(period.firstDay, n - 1);
        expect(period.lastDay >= nominal).toBe(true);
        for (const d of daysFrom(nominal, addDays(period.lastDay, -1)))
          expect(isWorkingDay(d, calendars)).toBe(false);
      }),
    );
  });

  it('a longer period never ends earlier', () => {
    fc.assert(
      fc.property(postedAt, days, fc.boolean(), (at, n, working) => {
        expect(
          noticeEnd(at, n + 1, working, calendars).endsAt >= noticeEnd(at, n, working, calendars).endsAt,
        ).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  WorkCalendar,
  calendarIndex,
  calendarIssues,
  holidayOf,
  isKnown,
  isWorkingDay,
} from '../../../shared/domain/calendar/work-calendar.ts';
import { PUBLISHED_CALENDARS } from '../../../shared/domain/calendar/published.ts';

const index = calendarIndex([...PUBLISHED_CALENDARS.values()]);

describe('the published calendars', () => {
  it('ship 2025 and 2026; 2027 is not loaded until its schedule is published', () => {
    expect([...PUBLISHED_CALENDARS.keys()]).toEqual([2025, 2026]);
    expect(isKnown('2026-05-01', index)).toBe(true);
    expect(isKnown('2027-01-01', index)).toBe(false);
  });

  it('2026: 9 days off at Spring Festival, 7 at National Day, make-up days on weekends', () => {
    const y2026 = PUBLISHED_CALENDARS.get(2026);
    expect(y2026?.holidays.find((h) => h.name === '春节')?.offDays).toHaveLength(9);
    expect(y2026?.holidays.find((h) => h.name === '国庆节')?.workDays).toEqual(['2026-09-20', '2026-10-10']);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-09-30', true, 'a Wednesday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'the last day off'],
    ['2026-10-08', true, 'back to work'],
    ['2026-10-10', true, 'make-up Saturday'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2026-09-20', true, 'make-up Sunday'],
    ['2026-02-14', true, 'Spring Festival make-up Saturday'],
    ['2026-02-23', false, 'Spring Festival day off on a Monday'],
    ['2025-10-08', false, '2025 National Day and Mid-Autumn'],
    ['2025-10-11', true, '2025 make-up Saturday'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, index)).toBe(expected);
  });

  it('names the holiday of a day off', () => {
    expect(holidayOf('2026-02-17', index)).toBe('春节');
    expect(holidayOf('2026-02-24', index)).toBeUndefined();
  });
});

describe('calendarIssues', () => {
  it('accepts a published year', () => {
    const y2025 = PUBLISHED_CALENDARS.get(2025);
    expect(y2025 && calendarIssues(2025, y2025)).toEqual([]);
  });

  it('names a make-up day on a weekday, a repeated day and a day of another year', () => {
    expect(
      calendarIssues(2027, {
        source: '测试',
        holidays: [
          { name: '元旦', offDays: ['2027-01-01', '2027-01-01'], workDays: ['2027-01-04'] },
          { name: '春节', offDays: ['2029-02-01'], workDays: [] },
        ],
      }),
    ).toEqual([
      { path: ['holidays', 0, 'offDays', 1], message: '日期重复（已列为放假日）' },
      { path: ['holidays', 0, 'workDays', 0], message: '调休上班日应为周六或周日' },
      { path: ['holidays', 1, 'offDays', 0], message: '日期不在 2027 年安排范围内' },
    ]);
  });

  it('WorkCalendar refuses such a year with those paths', () => {
    const parsed = WorkCalendar.safeParse({
      year: 2027,
      source: '测试',
      holidays: [{ name: '元旦', offDays: ['2027-01-01'], workDays: ['2027-01-04'] }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['holidays.0.workDays.0']);
  });
});

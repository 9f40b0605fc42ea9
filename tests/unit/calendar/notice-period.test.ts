import { describe, expect, it } from 'vitest';
import { noticeEnd } from '../../../shared/domain/calendar/notice-period.ts';
import { calendarIndex } from '../../../shared/domain/calendar/work-calendar.ts';
import { PUBLISHED_CALENDARS } from '../../../shared/domain/calendar/published.ts';

const calendars = calendarIndex([...PUBLISHED_CALENDARS.values()]);
/** 10:00 Asia/Shanghai on a date. */
const postedOn = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe('noticeEnd — working days (SPEC §3.5)', () => {
  it('posted Tue 2026-09-29, 5 working days: Sep 30, Oct 8, 9, 10 (make-up Sat), 12 → ends 2026-10-12 24:00', () => {
    expect(noticeEnd(postedOn('2026-09-29'), 5, true, calendars)).toEqual({
      firstDay: '2026-09-30',
      lastDay: '2026-10-12',
      endsAt: '2026-10-12T16:00:00.000Z',
      calendarMissing: [],
    });
  });

  it('counts the make-up Saturday 2026-10-10: posted Thu 2026-10-08, 2 working days end on Sat 10-10', () => {
    expect(noticeEnd(postedOn('2026-10-08'), 2, true, calendars).lastDay).toBe('2026-10-10');
  });

  it('Spring Festival 2026: posted Thu 02-12, 5 working days: 02-13, 02-14 (make-up), 02-24, 25, 26', () => {
    const period = noticeEnd(postedOn('2026-02-12'), 5, true, calendars);
    expect(period.lastDay).toBe('2026-02-26');
    expect(period.endsAt).toBe('2026-02-26T16:00:00.000Z');
  });

  it('after Spring Festival 2026: posted Thu 02-26, 7 working days count Sat 02-28 and end Fri 03-06', () => {
    expect(noticeEnd(postedOn('2026-02-26'), 7, true, calendars).lastDay).toBe('2026-03-06');
  });

  it('National Day 2025: posted Fri 09-26, 5 working days: Sun 09-28 (make-up), 29, 30, Oct 9, 10', () => {
    expect(noticeEnd(postedOn('2025-09-26'), 5, true, calendars).lastDay).toBe('2025-10-10');
  });
});

describe('noticeEnd — calendar days (Civil Code art. 201/203)', () => {
  it('posted 2026-09-30, 7 days: Oct 1–7 with the last day a holiday → the first working day after, Oct 8', () => {
    expect(noticeEnd(postedOn('2026-09-30'), 7, false, calendars)).toEqual({
      firstDay: '2026-10-01',
      lastDay: '2026-10-08',
      endsAt: '2026-10-08T16:00:00.000Z',
      calendarMissing: [],
    });
  });

  it('the posting day is the Asia/Shanghai date: 2026-09-29T17:00Z is Sep 30 01:00 in Shanghai', () => {
    expect(noticeEnd(new Date('2026-09-29T17:00:00.000Z'), 7, false, calendars).lastDay).toBe('2026-10-08');
    expect(noticeEnd(new Date('2026-09-29T15:59:59.000Z'), 7, false, calendars).lastDay).toBe('2026-10-08');
    expect(noticeEnd(new Date('2026-09-29T15:59:59.000Z'), 7, false, calendars).firstDay).toBe('2026-09-30');
  });

  it('a last day on a make-up Saturday stays: posted 2026-10-07, 3 days end Sat 2026-10-10', () => {
    expect(noticeEnd(postedOn('2026-10-07'), 3, false, calendars).lastDay).toBe('2026-10-10');
  });

  it('a last day on an ordinary Saturday moves to Monday: posted Mon 2026-11-02, 5 days → Mon 11-09', () => {
    expect(noticeEnd(postedOn('2026-11-02'), 5, false, calendars).lastDay).toBe('2026-11-09');
  });

  it('Spring Festival 2026: posted 02-13, 7 days reach Fri 02-20, a day off → Tue 02-24', () => {
    expect(noticeEnd(postedOn('2026-02-13'), 7, false, calendars)).toMatchObject({
      firstDay: '2026-02-14',
      lastDay: '2026-02-24',
      endsAt: '2026-02-24T16:00:00.000Z',
    });
  });

  it('a last day that is a working day is kept: posted Mon 2026-03-02, 7 days → Mon 03-09', () => {
    expect(noticeEnd(postedOn('2026-03-02'), 7, false, calendars).lastDay).toBe('2026-03-09');
  });
});

describe('noticeEnd — a year whose calendar is not loaded', () => {
  it('a calendar period into 2027 is computed on weekdays and flagged', () => {
    expect(noticeEnd(postedOn('2026-12-28'), 7, false, calendars)).toEqual({
      firstDay: '2026-12-29',
      lastDay: '2027-01-04',
      endsAt: '2027-01-04T16:00:00.000Z',
      calendarMissing: [2027],
    });
  });

  it('a working-day period into 2027 is flagged too', () => {
    const period = noticeEnd(postedOn('2026-12-28'), 5, true, calendars);
    expect(period.lastDay).toBe('2027-01-04');
    expect(period.calendarMissing).toEqual([2027]);
  });

  it('once 2027 is loaded the flag is gone and its holidays count', () => {
    const with2027 = calendarIndex([
      ...PUBLISHED_CALENDARS.values(),
      { year: 2027, source: '测试', holidays: [{ name: '元旦', offDays: ['2027-01-01'], workDays: [] }] },
    ]);
    const period = noticeEnd(postedOn('2026-12-28'), 5, true, with2027);
    expect(period).toMatchObject({ lastDay: '2027-01-05', calendarMissing: [] });
  });

  it('a period wholly in 2026 is not flagged even when 2027 is missing', () => {
    expect(noticeEnd(postedOn('2026-12-20'), 7, false, calendars).calendarMissing).toEqual([]);
  });

  it('refuses a period out of range', () => {
    expect(() => noticeEnd(postedOn('2026-03-02'), 0, false, calendars)).toThrow(RangeError);
  });
});

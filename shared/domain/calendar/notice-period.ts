/**
 * The end of a notice period (SPEC §3.5), counted as the Civil Code says:
 * - art. 201: the day of posting is not counted; the period starts the next day;
 * - art. 203: when the last day is a statutory rest day (法定休假日: a holiday's day off or a weekend
 *   day that is not a make-up working day), the period ends on the first working day after it;
 *   the period ends at 24:00 of its last day.
 * A period counted in working days counts only working days, so its last day is always one.
 * Days in a year whose calendar is not loaded are counted on the weekday rule and the year is
 * returned in `calendarMissing`: the end is then provisional and must be shown as such.
 */
import { shanghaiDate, shanghaiMidnight } from '../shanghai-time.ts';
import { addDays, isKnown, isWorkingDay, yearOf, type CalendarIndex } from './work-calendar.ts';

export interface NoticePeriod {
  /** The first counted day (the day after posting), Asia/Shanghai. */
  readonly firstDay: string;
  /** The last day of the period, Asia/Shanghai. */
  readonly lastDay: string;
  /** 24:00 of the last day Asia/Shanghai, as a UTC ISO instant. */
  readonly endsAt: string;
  /** Years the period reaches whose calendar is not loaded, ascending. */
  readonly calendarMissing: number[];
}

/** A period longer than this is a configuration error, not a notice. */
const MAX_DAYS = 366;

export const noticeEnd = (
  postedAt: Date,
  days: number,
  workingDays: boolean,
  calendars: CalendarIndex,
): NoticePeriod => {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new RangeError(`notice period of ${days} days is out of range`);
  const firstDay = addDays(shanghaiDate(postedAt), 1);
  const missing = new Set<number>();
  const examine = (date: string): boolean => {
    if (!isKnown(date, calendars)) missing.add(yearOf(date));
    return isWorkingDay(date, calendars);
  };

  let lastDay = firstDay;
  if (workingDays) {
    let counted = 0;
    for (let day = firstDay; ; day = addDays(day, 1)) {
      if (examine(day)) counted += 1;
      if (counted === days) {
        lastDay = day;
        break;
      }
    }
  } else {
    lastDay = addDays(firstDay, days - 1);
    for (let day = firstDay; day < lastDay; day = addDays(day, 1))
      if (!isKnown(day, calendars)) missing.add(yearOf(day));
    while (!examine(lastDay)) lastDay = addDays(lastDay, 1);
  }

  return {
    firstDay,
    lastDay,
    endsAt: shanghaiMidnight(addDays(lastDay, 1)).toISOString(),
    calendarMissing: [...missing].sort((a, b) => a - b),
  };
};

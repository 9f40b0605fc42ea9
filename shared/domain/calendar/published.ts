/**
 * The calendars published by the State Council that ship with the code (`data/calendar/<year>.json`):
 * what a year reads when county staff have not loaded or replaced it through the API. A year with
 * no file here (2027 until its schedule is published) is not loaded.
 */
import y2025 from '../../../data/calendar/2025.json' with { type: 'json' };
import y2026 from '../../../data/calendar/2026.json' with { type: 'json' };
import { WorkCalendar } from './work-calendar.ts';

export const PUBLISHED_CALENDARS: ReadonlyMap<number, WorkCalendar> = new Map(
  [y2025, y2026].map((data) => {
    const calendar = WorkCalendar.parse(data);
    return [calendar.year, calendar] as const;
  }),
);

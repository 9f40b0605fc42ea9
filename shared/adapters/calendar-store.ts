/**
 * The holiday calendars in the main table: `pk=CALENDAR`, `sk=YEAR#<year>` (one national calendar
 * per year, loaded or replaced by county staff, with its audit record in the same transaction). A
 * year with no item reads the calendar that ships with the code (`data/calendar/<year>.json`), so
 * the repository's files are the seed on AWS and on a laptop alike.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PUBLISHED_CALENDARS } from '../domain/calendar/published.ts';
import { StoredCalendar } from '../domain/calendar/stored-calendar.ts';
import { calendarIndex, type CalendarIndex } from '../domain/calendar/work-calendar.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { withoutKeys } from './item-keys.ts';
import { transactWrite } from './transaction-errors.ts';

export interface CalendarStore {
  /** The year's calendar as loaded, else as published with the code, else none. */
  get(year: number): Promise<StoredCalendar | undefined>;
  /** The calendars of these years that exist, ready for counting. */
  index(years: readonly number[]): Promise<CalendarIndex>;
  put(calendar: StoredCalendar, audit: readonly Record<string, unknown>[]): Promise<void>;
}

const calendarKey = (year: number) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` });

const published = (year: number): StoredCalendar | undefined => {
  const calendar = PUBLISHED_CALENDARS.get(year);
  return calendar ? { ...calendar, origin: 'published' } : undefined;
};

const toCalendar = (item: Record<string, unknown>): StoredCalendar => StoredCalendar.parse(withoutKeys(item));

export const dynamoCalendarStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): CalendarStore => {
  const get = async (year: number) => {
    const found = await client.send(new GetCommand({ TableName: table(), Key: calendarKey(year) }));
    return found.Item ? toCalendar(found.Item) : published(year);
  };
  return {
    get,

    async index(years) {
      const found = await Promise.all([...new Set(years)].map(get));
      return calendarIndex(found.filter((c) => c !== undefined));
    },

    async put(calendar, audit) {
      await transactWrite(client, [
        {
          item: {
            Put: {
              TableName: table(),
              Item: { ...calendarKey(calendar.year), entity: 'calendar', ...calendar },
            },
          },
        },
        ...audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
      ]);
    },
  };
};

export const calendarStore: CalendarStore = dynamoCalendarStore(dynamo, tableName.main, tableName.audit);

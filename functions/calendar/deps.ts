/** The calendar handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { calendarStore } from '../../shared/adapters/calendar-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import type { CalendarDeps } from '../../shared/usecases/calendar/calendar.ts';

export const calendarDeps: CalendarDeps = {
  calendars: calendarStore,
  alerts: dynamoAlertStore,
  listCounties: () => regionStore.listCounties(),
  newId: randomUUID,
};

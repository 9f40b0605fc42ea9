import { apiHandler } from '../../shared/http/api-handler.ts';
import { getCalendar } from '../../shared/contracts/calendar.ts';
import { getCalendar as read } from '../../shared/usecases/calendar/calendar.ts';
import { calendarDeps } from './deps.ts';

export const handler = apiHandler(getCalendar, async ({ params }) => ({
  status: 200,
  body: await read(calendarDeps, params.year),
}));

import { apiHandler } from '../../shared/http/api-handler.ts';
import { putCalendar } from '../../shared/contracts/calendar.ts';
import { putCalendar as load } from '../../shared/usecases/calendar/calendar.ts';
import { calendarDeps } from './deps.ts';

export const handler = apiHandler(putCalendar, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await load(calendarDeps, { identity, now, requestId }, params.year, body),
}));

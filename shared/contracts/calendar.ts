/** The State Council holiday calendar the notice periods are counted on (SPEC §3.5). */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { CalendarYear, WorkCalendarBody } from '../domain/calendar/work-calendar.ts';
import { StoredCalendar } from '../domain/calendar/stored-calendar.ts';
import { NOTICES_API } from './notices.ts';
import { errorResponses } from './common.ts';

export const CALENDAR_READERS = [
  'village_cadre',
  'town_official',
  'county_staff',
  'auditor',
] as const satisfies readonly Role[];

const YearParams = z.object({ year: CalendarYear });

export const getCalendar = route({
  method: 'GET',
  path: '/calendar/{year}',
  function: NOTICES_API,
  roles: CALENDAR_READERS,
  summary: '某年度节假日与调休安排（未载入的年度返回 404）',
  tag: 'notices',
  request: { params: YearParams },
  responses: { 200: { description: '年度安排', schema: StoredCalendar }, ...errorResponses },
});

export const putCalendar = route({
  method: 'PUT',
  path: '/calendar/{year}',
  function: NOTICES_API,
  roles: ['county_staff'],
  summary: '载入或替换某年度节假日与调休安排（依国务院办公厅通知，留痕）',
  tag: 'notices',
  request: { params: YearParams, body: WorkCalendarBody },
  responses: { 200: { description: '已载入', schema: StoredCalendar }, ...errorResponses },
});

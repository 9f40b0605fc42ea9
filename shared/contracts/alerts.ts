/** Alerts (预警, SPEC §4.7): the open ones in the caller's area. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { Alert } from '../domain/alert.ts';
import { errorResponses, page, PageQuery } from './common.ts';

export const listAlerts = route({
  method: 'GET',
  path: '/alerts',
  function: 'list-alerts',
  roles: ['county_staff', 'auditor', 'town_official'],
  summary: '未处理的预警：县级看全县；乡镇看本乡镇及全县性的预警；分页，最新在前',
  tag: 'alerts',
  request: { query: z.object({ ...PageQuery }) },
  responses: { 200: { description: '一页预警', schema: page(Alert) }, ...errorResponses },
});

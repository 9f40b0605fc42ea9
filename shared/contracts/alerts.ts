/** Alerts (预警, SPEC §4.7): the open ones in the caller's area, and one alert by kind and key. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { Alert, ALERT_KINDS } from '../domain/alert.ts';
import { errorResponses, page, PageQuery } from './common.ts';

/** One function serves the alert routes (`functions/alerts/api.ts`). */
export const ALERTS_API = 'alerts-api';

const ALERT_READERS = ['county_staff', 'auditor', 'town_official', 'village_cadre'] as const;

export const listAlerts = route({
  method: 'GET',
  path: '/alerts',
  function: ALERTS_API,
  roles: [...ALERT_READERS],
  summary: '未处理的预警：县级看全县；乡镇看本乡镇（含所辖村）及全县性的预警；村看本村的预警；分页，最新在前',
  tag: 'alerts',
  request: { query: z.object({ ...PageQuery }) },
  responses: { 200: { description: '一页预警', schema: page(Alert) }, ...errorResponses },
});

export const getAlert = route({
  method: 'GET',
  path: '/alerts/{kind}/{key}',
  function: ALERTS_API,
  roles: [...ALERT_READERS],
  summary: '一条预警（未处理或已消除，含消除时间），范围同列表；键中的 # 写作 %23',
  tag: 'alerts',
  request: {
    params: z.object({
      kind: z.enum(ALERT_KINDS, { error: '预警类型无效' }),
      key: z.string().min(1).max(200),
    }),
  },
  responses: { 200: { description: '预警', schema: Alert }, ...errorResponses },
});

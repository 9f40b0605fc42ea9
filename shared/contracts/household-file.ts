/** One file per household (一户一档, SPEC §4.7): its events in order, and a printable page. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { HouseholdFileEvent } from '../domain/household-file.ts';
import { errorResponses, Id } from './common.ts';
import { MONITORING_API, MONITORING_READERS } from './monitoring.ts';

const Params = z.object({ householdId: Id });

export const getHouseholdFile = route({
  method: 'GET',
  path: '/households/{householdId}/file',
  function: MONITORING_API,
  roles: MONITORING_READERS,
  summary: '一户一档：线索、核查、比对、评议、公示、审核审定、帮扶措施、赔付、回退等，按时间顺序',
  tag: 'monitoring',
  request: { params: Params },
  responses: {
    200: {
      description: '档案',
      schema: z.object({ householdId: z.string(), events: z.array(HouseholdFileEvent) }),
    },
    ...errorResponses,
  },
});

export const printHouseholdFile = route({
  method: 'GET',
  path: '/households/{householdId}/file/print',
  function: MONITORING_API,
  roles: MONITORING_READERS,
  summary: '一户一档打印页（HTML，A4）',
  tag: 'monitoring',
  request: { params: Params },
  responses: { 200: { description: 'HTML 页面' }, ...errorResponses },
});

/** Export for the national system: the collection form of `002_…` 附件3 (A1–A55) as XLSX. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { VillageCode } from '../domain/household-schema.ts';
import { errorResponses, Id } from './common.ts';
import { CAMPAIGNS_API } from './campaigns.ts';

export const exportCollectionForm = route({
  method: 'POST',
  path: '/exports/collection-form',
  function: CAMPAIGNS_API,
  roles: ['village_cadre', 'town_official', 'county_staff'],
  summary:
    '导出防止返贫监测对象信息采集表（A1–A55，XLSX，每名成员一行、户信息逐行重复）：所选农户（householdIds）或整村（?villageCode=）；含完整身份证号，每户记录查看日志',
  tag: 'campaigns',
  request: {
    query: z.object({ villageCode: VillageCode.optional() }),
    body: z
      .object({ householdIds: z.array(Id).min(1, '至少选择一户').max(500, '一次最多选择 500 户').optional() })
      .default({}),
  },
  responses: { 200: { description: 'XLSX 文件' }, ...errorResponses },
});

/** The department file template (Chinese column headers and one example row), as XLSX or CSV. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { TEMPLATE_FORMATS } from '../intake/template.ts';
import { errorResponses } from './common.ts';

export const getReferralTemplate = route({
  method: 'GET',
  path: '/referrals/template/{format}',
  function: 'get-referral-template',
  roles: ['department', 'county_staff', 'town_official', 'village_cadre'],
  summary: '下载部门推送文件模板（中文表头、一行示例；xlsx 或 csv，csv 为带 BOM 的 UTF-8）',
  tag: 'referrals',
  request: {
    params: z.object({ format: z.enum(TEMPLATE_FORMATS, '格式应为 xlsx 或 csv') }),
  },
  responses: {
    200: { description: '模板文件（防贫保部门推送模板.xlsx / .csv）' },
    ...errorResponses,
  },
});

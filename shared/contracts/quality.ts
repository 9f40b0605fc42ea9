/** Quality of verification work per adjuster and per insurer (SPEC §3.4), JSON or XLSX. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { QualityRow } from '../domain/verification/quality.ts';
import { VERIFICATION_API } from './verification.ts';
import { errorResponses } from './common.ts';

export const getQuality = route({
  method: 'GET',
  path: '/quality',
  function: VERIFICATION_API,
  roles: ['insurer_manager', 'county_staff', 'auditor'],
  summary: '核查质量（按月）：各核查员与保险公司的完成核查、抽中、复核属实、不符率、超期；format=xlsx 导出',
  tag: 'sampling',
  request: {
    query: z.object({
      period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM'),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
  },
  responses: {
    200: {
      description: '质量统计（或 XLSX 文件）',
      schema: z.object({ month: z.string(), adjusters: z.array(QualityRow), insurers: z.array(QualityRow) }),
    },
    ...errorResponses,
  },
});

/** Finance reports (SPEC §3.7): by category, month, town, household type; balance over time; XLSX. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { FinanceReport } from '../domain/fund/report.ts';
import { errorResponses } from './common.ts';
import { FUND_READERS } from './funds.ts';
import { PAYOUTS_API } from './payouts.ts';

export const getFinanceReport = route({
  method: 'GET',
  path: '/finance/reports',
  function: PAYOUTS_API,
  roles: FUND_READERS,
  summary:
    '财政报表（按年度）：按类别、月份、乡镇、农户类型（脱贫户 / 非贫困低收入户）的拨付，余额变化；format=xlsx 导出',
  tag: 'funds',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效'),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
  },
  responses: {
    200: { description: '报表（或 XLSX 文件）', schema: FinanceReport },
    ...errorResponses,
  },
});

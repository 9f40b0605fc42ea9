/** The county fund and its ledger (资金台账), SPEC §3.7: create, deposit, balance, ledger, reconciliation. */
import { z } from 'zod';
import type { Role } from '../auth/roles.ts';
import { route } from '../http/route.ts';
import { Fund, LedgerEntry } from '../domain/fund/ledger.ts';
import { Reconciliation } from '../domain/fund/reconciliation.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';
import { PAYOUTS_API } from './payouts.ts';

export const FUND_READERS = ['finance_officer', 'county_staff', 'auditor'] as const satisfies readonly Role[];

export const FundView = Fund.extend({
  lowBalanceShare: z.number().meta({ description: '余额预警比例（占本年度注资）' }),
  lowBalance: z.boolean().meta({ description: '可用余额低于预警线' }),
}).meta({ id: 'FundView' });

const FundParams = z.object({
  fundId: z.string().regex(/^fund-\d{6}-\d{4}$/, '基金编号格式应为 fund-<县代码前6位>-<年度>'),
});

export const createFund = route({
  method: 'POST',
  path: '/funds',
  function: PAYOUTS_API,
  roles: ['finance_officer'],
  summary: '建立本县某年度防贫保障基金（编号 fund-<县代码前6位>-<年度>）',
  tag: 'funds',
  request: {
    body: z.object({
      year: z.number().int().min(2000, '年度无效').max(2100, '年度无效'),
      name: z.string().trim().min(1, '请填写基金名称').max(100),
      insurerContract: z.string().trim().min(1).max(100).optional(),
    }),
  },
  responses: {
    201: { description: '基金', schema: FundView },
    409: { description: '本县该年度基金已建立' },
    ...errorResponses,
  },
});

export const listFunds = route({
  method: 'GET',
  path: '/funds',
  function: PAYOUTS_API,
  roles: FUND_READERS,
  summary: '本县各年度基金及余额',
  tag: 'funds',
  responses: {
    200: { description: '基金列表', schema: z.object({ items: z.array(FundView) }) },
    ...errorResponses,
  },
});

export const getFund = route({
  method: 'GET',
  path: '/funds/{fundId}',
  function: PAYOUTS_API,
  roles: FUND_READERS,
  summary: '基金余额：注资、预留、已拨付、可用（可用 = 注资 − 已拨付 − 预留）',
  tag: 'funds',
  request: { params: FundParams },
  responses: { 200: { description: '基金', schema: FundView }, ...errorResponses },
});

export const depositIntoFund = route({
  method: 'POST',
  path: '/funds/{fundId}/deposits',
  function: PAYOUTS_API,
  roles: ['finance_officer'],
  summary: '财政注资（与台账记录同一事务）；同一注资编号重复提交不重复入账',
  tag: 'funds',
  request: {
    params: FundParams,
    body: z.object({
      depositId: Id.meta({ description: '客户端生成，重复提交的幂等键' }),
      amountFen: z.number().int('金额应为整数（分）').min(1, '注资金额应大于 0'),
      note: z.string().trim().min(1, '请填写资金来源或文号').max(200),
    }),
  },
  responses: {
    201: { description: '台账记录', schema: LedgerEntry },
    200: { description: '重复提交：已有的记录', schema: LedgerEntry },
    409: { description: '注资编号已用于另一笔记录' },
    ...errorResponses,
  },
});

export const getFundLedger = route({
  method: 'GET',
  path: '/funds/{fundId}/ledger',
  function: PAYOUTS_API,
  roles: FUND_READERS,
  summary: '资金台账（按时间顺序，分页）：注资、预留、拨付、释放',
  tag: 'funds',
  request: { params: FundParams, query: z.object(PageQuery) },
  responses: { 200: { description: '一页台账', schema: page(LedgerEntry) }, ...errorResponses },
});

export const getFundReconciliation = route({
  method: 'GET',
  path: '/funds/{fundId}/reconciliation',
  function: PAYOUTS_API,
  roles: FUND_READERS,
  summary: '对账：台账合计与案件赔付合计（按类别、按月份），并列两侧与差额',
  tag: 'funds',
  request: { params: FundParams },
  responses: { 200: { description: '对账结果', schema: Reconciliation }, ...errorResponses },
});

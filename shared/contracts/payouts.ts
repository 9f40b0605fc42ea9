/**
 * Payouts (赔付) and disbursement (拨付), SPEC §3.6: the proposal of a case, county approval (a second
 * approver above the configured amount), the green channel, the insurer's disbursement batches, the
 * finance officer's confirmation or failure. All routes of the payout, fund and finance areas go to
 * ONE function, `payouts-api`.
 */
import { z } from 'zod';
import type { Role } from '../auth/roles.ts';
import { route } from '../http/route.ts';
import { DisbursementBatch, Payout, PayoutStatus } from '../domain/payout/payout.ts';
import { FundCaseView } from './fund-cases.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export const PAYOUTS_API = 'payouts-api';

export const PAYOUT_READERS = [
  'county_staff',
  'finance_officer',
  'auditor',
  'insurer_manager',
] as const satisfies readonly Role[];

/** At most this many payouts in one batch (one transaction writes them all). */
export const MAX_BATCH_PAYOUTS = 40;

const PayoutParams = z.object({ payoutId: Id });
const CaseParams = z.object({ caseId: Id });
export const PayoutView = Payout.meta({ id: 'PayoutView', description: '赔付（户主姓名、证件号脱敏）' });
const conflict = { 409: { description: '状态不允许、余额不足或已被他人处理' } };

export const proposePayout = route({
  method: 'POST',
  path: '/fund-cases/{caseId}/payout',
  function: PAYOUTS_API,
  roles: ['county_staff'],
  summary:
    '生成赔付方案：公示期满且仍在名单（或绿色通道）的案件，按本年度规则计算（含计算过程），冻结农户数据',
  tag: 'payouts',
  request: {
    params: CaseParams,
    body: z.object({ payoutId: Id.meta({ description: '客户端生成，重复提交的幂等键' }) }),
  },
  responses: {
    201: { description: '赔付方案', schema: PayoutView },
    200: { description: '同一编号重复提交：已有的方案', schema: PayoutView },
    409: { description: '公示未结束、异议成立撤出、案件不在待赔付状态或基金未建立' },
    ...errorResponses,
  },
});

export const markGreenChannel = route({
  method: 'POST',
  path: '/fund-cases/{caseId}/green-channel',
  function: PAYOUTS_API,
  roles: ['county_staff'],
  summary: '绿色通道：因灾或意外且事实清楚的案件可在公示期满前先行赔付（公示照常进行）',
  tag: 'payouts',
  request: {
    params: CaseParams,
    body: z.object({
      reason: z.string().trim().min(1, '请填写纳入绿色通道的理由').max(500),
      version: z.number().int().min(1),
    }),
  },
  responses: { 200: { description: '案件（脱敏）', schema: FundCaseView }, ...conflict, ...errorResponses },
});

export const listPayouts = route({
  method: 'GET',
  path: '/payouts',
  function: PAYOUTS_API,
  roles: PAYOUT_READERS,
  summary: '本县赔付列表，按状态筛选，分页（脱敏）',
  tag: 'payouts',
  request: { query: z.object({ status: PayoutStatus.optional(), ...PageQuery }) },
  responses: { 200: { description: '一页赔付', schema: page(PayoutView) }, ...errorResponses },
});

export const getPayout = route({
  method: 'GET',
  path: '/payouts/{payoutId}',
  function: PAYOUTS_API,
  roles: PAYOUT_READERS,
  summary: '赔付详情：计算过程、冻结的农户数据（脱敏）、审批与拨付记录、先行赔付的追回标记',
  tag: 'payouts',
  request: { params: PayoutParams },
  responses: { 200: { description: '赔付', schema: PayoutView }, ...errorResponses },
});

export const approvePayout = route({
  method: 'POST',
  path: '/payouts/{payoutId}/approve',
  function: PAYOUTS_API,
  roles: ['county_staff'],
  summary: '县级审定赔付；超过配置金额须另一名县级人员再审；最终审定时在同一事务中预留基金（余额不足 409）',
  tag: 'payouts',
  request: { params: PayoutParams },
  responses: { 200: { description: '赔付', schema: PayoutView }, ...conflict, ...errorResponses },
});

export const cancelPayout = route({
  method: 'POST',
  path: '/payouts/{payoutId}/cancel',
  function: PAYOUTS_API,
  roles: ['county_staff'],
  summary: '撤销赔付；已审定的释放预留资金',
  tag: 'payouts',
  request: {
    params: PayoutParams,
    body: z.object({ reason: z.string().trim().min(1, '请填写撤销原因').max(500) }),
  },
  responses: { 200: { description: '赔付', schema: PayoutView }, ...conflict, ...errorResponses },
});

export const createDisbursementBatch = route({
  method: 'POST',
  path: '/disbursement-batches',
  function: PAYOUTS_API,
  roles: ['insurer_manager'],
  summary: '保险公司将已审定的赔付纳入拨付批次',
  tag: 'payouts',
  request: {
    body: z.object({
      batchId: Id.meta({ description: '客户端生成，重复提交的幂等键' }),
      payoutIds: z
        .array(Id)
        .min(1, '至少选择一笔赔付')
        .max(MAX_BATCH_PAYOUTS, `一个批次最多 ${MAX_BATCH_PAYOUTS} 笔`)
        .refine((ids) => new Set(ids).size === ids.length, '赔付重复'),
    }),
  },
  responses: {
    201: { description: '拨付批次', schema: DisbursementBatch },
    200: { description: '重复提交：已有的批次', schema: DisbursementBatch },
    ...conflict,
    ...errorResponses,
  },
});

export const confirmPayment = route({
  method: 'POST',
  path: '/payouts/{payoutId}/confirm-payment',
  function: PAYOUTS_API,
  roles: ['finance_officer'],
  summary: '财政确认拨付（银行转账流水号）；同一流水号重复提交不变，另一流水号 409；审批人不得确认',
  tag: 'payouts',
  request: {
    params: PayoutParams,
    body: z.object({ bankReference: z.string().trim().min(1, '请填写银行转账流水号').max(100) }),
  },
  responses: { 200: { description: '赔付', schema: PayoutView }, ...conflict, ...errorResponses },
});

export const recordPaymentFailure = route({
  method: 'POST',
  path: '/payouts/{payoutId}/record-failure',
  function: PAYOUTS_API,
  roles: ['finance_officer'],
  summary: '财政登记拨付失败，预留资金释放回基金',
  tag: 'payouts',
  request: {
    params: PayoutParams,
    body: z.object({ reason: z.string().trim().min(1, '请填写失败原因').max(500) }),
  },
  responses: { 200: { description: '赔付', schema: PayoutView }, ...conflict, ...errorResponses },
});

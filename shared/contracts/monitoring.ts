/**
 * Dynamic monitoring (SPEC §4.2–4.6): leads, the procedures (identification, elimination, rollback,
 * removal) and their steps, asset checks. Each step is its own route so the route's roles are the
 * step's (a town official on the county step → 403); order and scope are checked by the use case.
 */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { IncomeComponents } from '../domain/income.ts';
import { AssetCheck } from '../domain/monitoring/asset-check.ts';
import { Lead, LeadChannel, LeadStatus } from '../domain/monitoring/lead.ts';
import { Attestations, Procedure, ProcedureStatus } from '../domain/monitoring/procedure.ts';
import { RiskType } from '../domain/monitoring/risk.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

/** Every monitoring route is served by one function (see `functions/monitoring/api.ts`). */
export const MONITORING_API = 'monitoring-api';

export const MONITORING_READERS = [
  'village_cadre',
  'town_official',
  'county_staff',
  'auditor',
] as const satisfies readonly Role[];
const CADRES = ['village_cadre', 'town_official'] as const satisfies readonly Role[];
const PROPOSERS = ['village_cadre', 'town_official', 'county_staff'] as const satisfies readonly Role[];

const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max);
const outOfOrder = {
  409: { description: '步骤顺序不对（返回须先完成的步骤 requiredFirst）、已办理，或被他人同时办理' },
} as const;
const ProcedureParams = z.object({ procedureId: Id });

export const ProcedureView = Procedure.extend({
  schedule: z.array(
    z.object({
      step: z.string(),
      label: z.string(),
      dueAt: z.string().optional(),
      doneAt: z.string().optional(),
      overdue: z.boolean(),
    }),
  ),
  overdue: z.object({ step: z.string(), dueAt: z.string() }).optional(),
  assetCheckAnswers: z.array(z.looseObject({ checkId: z.string(), department: z.string() })).optional(),
}).meta({ id: 'MonitoringProcedureView' });

export const createLead = route({
  method: 'POST',
  path: '/monitoring/leads',
  function: MONITORING_API,
  roles: ['village_cadre', 'town_official', 'county_staff', 'department'],
  summary: '报送监测线索（各渠道）；该户已有未办结线索时并入（200）',
  tag: 'monitoring',
  request: {
    body: z.object({
      householdId: Id,
      channel: LeadChannel,
      note: Text(500),
      sourceRef: z.string().trim().min(1).max(100).optional(),
    }),
  },
  responses: {
    200: { description: '并入已有线索', schema: Lead },
    201: { description: '新线索', schema: Lead },
    ...errorResponses,
  },
});

export const listLeads = route({
  method: 'GET',
  path: '/monitoring/leads',
  function: MONITORING_API,
  roles: MONITORING_READERS,
  summary: '监测线索列表（本辖区，按村/乡镇、状态筛选，分页）',
  tag: 'monitoring',
  request: {
    query: z.object({
      villageCode: RegionCode.optional(),
      townCode: RegionCode.optional(),
      status: LeadStatus.optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页线索', schema: page(Lead) }, ...errorResponses },
});

export const openIdentification = route({
  method: 'POST',
  path: '/monitoring/identifications',
  function: MONITORING_API,
  roles: CADRES,
  summary: '依线索启动识别程序（须附已上传的承诺授权书；负面清单内的家庭不予启动）',
  tag: 'monitoring',
  request: {
    body: z
      .object({
        leadId: Id,
        authorizationUploadId: Id.meta({ description: '承诺授权书（kind=authorization，ownerId=户编号）' }),
        greenChannel: z.boolean().default(false).meta({ description: '绿色通道：因灾因意外、事实清楚' }),
        greenChannelReason: z.string().trim().max(500).optional(),
      })
      .superRefine((v, ctx) => {
        if (v.greenChannel && !v.greenChannelReason)
          ctx.addIssue({
            code: 'custom',
            path: ['greenChannelReason'],
            message: '走绿色通道须说明灾害或意外事故情况',
          });
      }),
  },
  responses: { 201: { description: '已启动', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const listProcedures = route({
  method: 'GET',
  path: '/monitoring/procedures',
  function: MONITORING_API,
  roles: MONITORING_READERS,
  summary: '监测程序列表，含各步骤时限；overdue=true 只列超时的',
  tag: 'monitoring',
  request: {
    query: z.object({
      villageCode: RegionCode.optional(),
      townCode: RegionCode.optional(),
      status: ProcedureStatus.optional(),
      overdue: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页程序', schema: page(ProcedureView) }, ...errorResponses },
});

export const getProcedure = route({
  method: 'GET',
  path: '/monitoring/procedures/{procedureId}',
  function: MONITORING_API,
  roles: MONITORING_READERS,
  summary: '监测程序详情：步骤、时限、部门比对反馈',
  tag: 'monitoring',
  request: { params: ProcedureParams },
  responses: { 200: { description: '程序', schema: ProcedureView }, ...errorResponses },
});

export const recordVerification = route({
  method: 'POST',
  path: '/monitoring/procedures/{procedureId}/verification',
  function: MONITORING_API,
  roles: CADRES,
  summary: '入户核查：至少两名调查人员、收入构成（A28–A36，分），系统计算 A33/A34/A37/A38 与认定类别',
  tag: 'monitoring',
  request: {
    params: ProcedureParams,
    body: z.object({
      investigators: z.array(Text(30)).min(2, '入户核查至少需要两名调查人员'),
      components: IncomeComponents,
      risks: z.array(RiskType).min(1, '至少选择一项风险类型'),
      sharpIncomeDrop: z.boolean().default(false).meta({ description: '收入大幅缩减' }),
      evidenceUploadIds: z.array(Id).default([]),
      note: z.string().trim().max(1000).optional(),
    }),
  },
  responses: { 200: { description: '已记录', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const requestAssetChecks = route({
  method: 'POST',
  path: '/monitoring/procedures/{procedureId}/asset-checks',
  function: MONITORING_API,
  roles: PROPOSERS,
  summary: '发起部门信息比对（金融办、公安、自然资源、市场监管、人社）',
  tag: 'monitoring',
  request: { params: ProcedureParams },
  responses: { 200: { description: '已发起', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const listAssetChecks = route({
  method: 'GET',
  path: '/monitoring/asset-checks',
  function: MONITORING_API,
  roles: ['department'],
  summary: '本部门收到的比对请求',
  tag: 'monitoring',
  request: { query: z.object({ status: z.enum(['requested', 'answered']).optional(), ...PageQuery }) },
  responses: { 200: { description: '一页比对请求', schema: page(AssetCheck) }, ...errorResponses },
});

const CheckParams = z.object({ checkId: Id });

export const getAssetCheck = route({
  method: 'GET',
  path: '/monitoring/asset-checks/{checkId}',
  function: MONITORING_API,
  roles: ['department'],
  summary: '比对请求详情，含该户在册成员的完整姓名与证件号（只限发给本部门的；查看记入审计）',
  tag: 'monitoring',
  request: { params: CheckParams },
  responses: {
    200: {
      description: '比对请求',
      schema: AssetCheck.extend({
        members: z.array(
          z.object({ name: z.string(), idType: z.string(), idNumber: z.string(), relation: z.string() }),
        ),
      }).meta({ id: 'AssetCheckDetail' }),
    },
    ...errorResponses,
  },
});

export const answerAssetCheck = route({
  method: 'POST',
  path: '/monitoring/asset-checks/{checkId}/answer',
  function: MONITORING_API,
  roles: ['department'],
  summary: '部门反馈比对结果',
  tag: 'monitoring',
  request: {
    params: CheckParams,
    body: z.object({ finding: z.enum(['none', 'found']), detail: z.string().trim().max(1000).default('') }),
  },
  responses: {
    200: { description: '已反馈', schema: AssetCheck },
    ...errorResponses,
    409: { description: '已反馈过' },
  },
});

export const recordDeliberation = route({
  method: 'POST',
  path: '/monitoring/procedures/{procedureId}/deliberation',
  function: MONITORING_API,
  roles: ['village_cadre'],
  summary: '村级民主评议：引用已记录的评议（对本程序的结论须为通过；未通过则程序终止）',
  tag: 'monitoring',
  request: { params: ProcedureParams, body: z.object({ deliberationId: Id }) },
  responses: { 200: { description: '已记录', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const recordNotice = route({
  method: 'POST',
  path: '/monitoring/procedures/{procedureId}/notice',
  function: MONITORING_API,
  roles: ['village_cadre'],
  summary: '公示结果：公示期满且仍在列方可继续；异议成立撤出则程序终止',
  tag: 'monitoring',
  request: { params: ProcedureParams },
  responses: { 200: { description: '已记录', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const recordTownReview = route({
  method: 'POST',
  path: '/monitoring/procedures/{procedureId}/town-review',
  function: MONITORING_API,
  roles: ['town_official'],
  summary: '乡镇审核（乡镇主要负责人签字）',
  tag: 'monitoring',
  request: {
    params: ProcedureParams,
    body: z
      .object({
        decision: z.enum(['approve', 'reject']),
        signedBy: Text(30).meta({ description: '签字的乡镇主要负责人' }),
        signedUploadId: Id.optional(),
        reason: z.string().trim().max(500).optional(),
      })
      .superRefine((v, ctx) => {
        if (v.decision === 'reject' && !v.reason)
          ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过时须填写原因' });
      }),
  },
  responses: { 200: { description: '已审核', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const recordCountyApproval = route({
  method: 'POST',
  path: '/monitoring/procedures/{procedureId}/county-approval',
  function: MONITORING_API,
  roles: ['county_staff'],
  summary: '县级审定：通过则纳入监测 / 风险消除 / 回退 / 清退生效',
  tag: 'monitoring',
  request: {
    params: ProcedureParams,
    body: z
      .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(500).optional() })
      .superRefine((v, ctx) => {
        if (v.decision === 'reject' && !v.reason)
          ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过时须填写原因' });
      }),
  },
  responses: { 200: { description: '已审定', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

const HouseholdParams = z.object({ householdId: Id });

export const proposeElimination = route({
  method: 'POST',
  path: '/monitoring/households/{householdId}/elimination',
  function: MONITORING_API,
  roles: CADRES,
  summary: '提出风险消除（帮扶消除 / 自然消除）；不符合条件时 409，code 为第一条未满足的条件',
  tag: 'monitoring',
  request: {
    params: HouseholdParams,
    body: z.object({ method: z.enum(['assistance', 'natural']), attestations: Attestations }),
  },
  responses: { 201: { description: '已启动', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

const ChangeBody = z.object({
  reason: Text(500),
  evidenceUploadIds: z.array(Id).min(1, '须附佐证材料'),
});

export const proposeRollback = route({
  method: 'POST',
  path: '/monitoring/households/{householdId}/rollback',
  function: MONITORING_API,
  roles: PROPOSERS,
  summary: '提出回退（已消除风险的家庭风险反弹），须县级审定',
  tag: 'monitoring',
  request: { params: HouseholdParams, body: ChangeBody },
  responses: { 201: { description: '已启动', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

export const proposeRemoval = route({
  method: 'POST',
  path: '/monitoring/households/{householdId}/removal',
  function: MONITORING_API,
  roles: PROPOSERS,
  summary: '提出清退（不符合条件的监测对象），须县级审定',
  tag: 'monitoring',
  request: { params: HouseholdParams, body: ChangeBody },
  responses: { 201: { description: '已启动', schema: Procedure }, ...errorResponses, ...outOfOrder },
});

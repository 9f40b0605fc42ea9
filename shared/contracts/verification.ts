/**
 * Insurer home verification (入户核查, SPEC §3.3) and the county's re-inspection (抽样复核, §3.4):
 * the manager's queue and workload, assignment, the adjusters' tasks, results with evidence, and the
 * case's verification file. Names and resident IDs are masked in every response.
 */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { FundCase, FundCategory } from '../domain/fund-case.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { VerificationResult, VerificationResultInput } from '../domain/verification/result.ts';
import { Reinspection, ReinspectionInput } from '../domain/verification/reinspection.ts';
import { TASK_STATES, VerificationTask } from '../domain/verification/task.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

/**
 * Every verification, sampling and quality route is served by this ONE function
 * (`functions/verification/api.ts` dispatches by route key to the per-route handlers), to keep the
 * stateless stack under CloudFormation's 500 resources.
 */
export const VERIFICATION_API = 'verification-api';

export const VERIFICATION_READERS = [
  'insurer_manager',
  'insurer_adjuster',
  'county_staff',
  'auditor',
  'town_official',
  'village_cadre',
] as const satisfies readonly Role[];

const Username = z.string().trim().min(1, '请填写核查员用户名').max(128);
const CaseParams = z.object({ caseId: Id });

export const TaskView = VerificationTask.extend({ overdue: z.boolean() }).meta({
  id: 'VerificationTaskView',
});
export const QueueItem = FundCase.extend({ ageDays: z.number().int() }).meta({ id: 'VerificationQueueItem' });

export const listVerificationQueue = route({
  method: 'GET',
  path: '/verification/queue',
  function: VERIFICATION_API,
  roles: ['insurer_manager'],
  summary: '待指派的核查案件（待核查 / 复核不符待重新核查），按乡镇、类别筛选，显示等待天数（脱敏）',
  tag: 'verification',
  request: {
    query: z.object({
      status: z.enum(['awaiting_verification', 'reverification']).default('awaiting_verification'),
      townCode: RegionCode.optional(),
      category: FundCategory.optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页案件', schema: page(QueueItem) }, ...errorResponses },
});

export const getVerificationWorkload = route({
  method: 'GET',
  path: '/verification/workload',
  function: VERIFICATION_API,
  roles: ['insurer_manager'],
  summary: '各核查员在办任务数与超期数',
  tag: 'verification',
  responses: {
    200: {
      description: '工作量',
      schema: z.object({
        items: z.array(z.object({ adjuster: z.string(), open: z.number().int(), overdue: z.number().int() })),
      }),
    },
    ...errorResponses,
  },
});

export const assignVerificationTasks = route({
  method: 'POST',
  path: '/verification-tasks',
  function: VERIFICATION_API,
  roles: ['insurer_manager'],
  summary: '指派核查任务（单个或批量）；逐案返回结果，复核不符的案件不能指派给核查过的核查员',
  tag: 'verification',
  request: {
    body: z.object({
      caseIds: z.array(Id).min(1, '至少选择一个案件').max(100, '一次最多指派 100 个案件'),
      adjuster: Username,
    }),
  },
  responses: {
    200: {
      description: '指派结果',
      schema: z.object({
        assigned: z.array(VerificationTask),
        failed: z.array(z.object({ caseId: z.string(), code: z.string(), message: z.string() })),
      }),
    },
    ...errorResponses,
  },
});

export const reassignVerificationTask = route({
  method: 'POST',
  path: '/verification-tasks/{caseId}/reassign',
  function: VERIFICATION_API,
  roles: ['insurer_manager'],
  summary: '改派尚未提交的核查任务（记录改派历史与审计，期限重新计算）',
  tag: 'verification',
  request: {
    params: CaseParams,
    body: z.object({ adjuster: Username, reason: z.string().trim().min(1, '请填写改派原因').max(500) }),
  },
  responses: {
    200: { description: '改派后的任务', schema: VerificationTask },
    409: { description: '已提交、同一核查员或核查过该案件的核查员' },
    ...errorResponses,
  },
});

export const listVerificationTasks = route({
  method: 'GET',
  path: '/verification-tasks',
  function: VERIFICATION_API,
  roles: ['insurer_manager', 'insurer_adjuster'],
  summary: '核查任务：核查员只见本人任务；管理员可按核查员筛选；显示是否超期',
  tag: 'verification',
  request: {
    query: z.object({ state: z.enum(TASK_STATES).optional(), adjuster: Username.optional() }),
  },
  responses: {
    200: { description: '任务', schema: z.object({ items: z.array(TaskView) }) },
    ...errorResponses,
  },
});

export const VerificationFile = z
  .object({
    fundCase: FundCase,
    tasks: z.array(TaskView),
    results: z.array(VerificationResult),
    reinspections: z.array(Reinspection),
  })
  .meta({ id: 'VerificationFile' });

export const getVerification = route({
  method: 'GET',
  path: '/verifications/{caseId}',
  function: VERIFICATION_API,
  roles: VERIFICATION_READERS,
  summary:
    '案件的核查档案：各轮任务与改派历史、各版核查结果（含计算收入与资格、建议的登记变更）、复核（脱敏）',
  tag: 'verification',
  request: { params: CaseParams },
  responses: { 200: { description: '核查档案', schema: VerificationFile }, ...errorResponses },
});

export const submitVerificationResult = route({
  method: 'POST',
  path: '/verifications/{caseId}/results',
  function: VERIFICATION_API,
  roles: ['insurer_adjuster'],
  summary:
    '提交入户核查结果（本人任务）：服务器核对材料、计算 A33/A34/A37/A38 与资格；相同内容重复提交返回原结果，不同内容为更正（新版本）',
  tag: 'verification',
  request: { params: CaseParams, body: VerificationResultInput },
  responses: {
    201: { description: '新结果（或新版本）', schema: VerificationResult },
    200: { description: '相同内容已提交过：原结果', schema: VerificationResult },
    409: { description: '案件已进入抽样复核或后续环节' },
    ...errorResponses,
  },
});

export const recordReinspection = route({
  method: 'POST',
  path: '/verifications/{caseId}/reinspection',
  function: VERIFICATION_API,
  roles: ['county_staff'],
  summary: '记录抽样复核：结论与人均收入，系统判定属实或不符（不符则暂停赔付、退回其他核查员重新核查）',
  tag: 'verification',
  request: { params: CaseParams, body: ReinspectionInput },
  responses: {
    201: { description: '复核记录', schema: Reinspection },
    ...errorResponses,
    403: { description: '参与过该核查的人员不能复核（职责分离）', schema: errorResponses[403].schema },
    409: { description: '不在待复核状态或已复核' },
  },
});

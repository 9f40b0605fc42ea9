/**
 * Department submissions (部门推送, SPEC §3.1): a JSON batch or an announced file, one intake
 * pipeline (`statemachines/referral-intake.asl.json`), per-row results.
 */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { SUBMISSION_STATUSES, SubmissionCounts } from '../domain/submission.ts';
import { DEPARTMENTS } from '../auth/roles.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export const SUBMISSION_READERS = [
  'department',
  'county_staff',
  'auditor',
] as const satisfies readonly Role[];

const Period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '数据月份格式应为 YYYY-MM')
  .meta({ description: '数据所属月份，默认为上海时间的上一个月' });

export const SubmitBatch = z
  .object({
    period: Period.optional(),
    /** Each row is validated in the pipeline against ReferralRow, so good rows go in when others are bad. */
    rows: z.array(z.unknown()).min(1, '至少需要一行数据'),
  })
  .meta({ id: 'SubmitBatch' });

export const SubmissionAccepted = z
  .object({ submissionId: z.string(), status: z.enum(SUBMISSION_STATUSES) })
  .meta({ id: 'SubmissionAccepted' });

export const submitBatch = route({
  method: 'POST',
  path: '/submissions',
  function: 'submit-batch',
  roles: ['department'],
  summary: '部门推送一批转介数据（JSON）；同一批数据重复推送返回首次的提交',
  tag: 'referrals',
  request: { body: SubmitBatch },
  responses: {
    202: { description: '已受理，进入处理流程', schema: SubmissionAccepted },
    200: { description: '重复推送：返回首次的提交', schema: SubmissionAccepted },
    ...errorResponses,
  },
});

export const AnnounceFile = z
  .object({
    fileName: z.string().trim().min(1, '文件名不能为空').max(200),
    size: z.number().int().min(1, '文件不能为空'),
    period: Period.optional(),
  })
  .meta({ id: 'AnnounceFile' });

export const FileTicket = z
  .object({
    submissionId: z.string(),
    status: z.enum(SUBMISSION_STATUSES),
    key: z.string(),
    url: z.string().meta({ description: '预签名 PUT 地址，有效期 5 分钟' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'FileTicket' });

export const announceFile = route({
  method: 'POST',
  path: '/submissions/files',
  function: 'announce-submission-file',
  roles: ['department'],
  summary: '部门申请上传数据文件（CSV/XLSX），返回预签名上传地址；上传后自动处理',
  tag: 'referrals',
  request: { body: AnnounceFile },
  responses: { 201: { description: '上传凭证', schema: FileTicket }, ...errorResponses },
});

export const SubmissionView = z
  .object({
    submissionId: z.string(),
    countyCode: z.string(),
    department: z.enum(DEPARTMENTS),
    channel: z.enum(['api', 'file']),
    period: z.string(),
    dueMonth: z.string(),
    receivedAt: z.string(),
    timeliness: z.enum(['on_time', 'late']),
    status: z.enum(SUBMISSION_STATUSES),
    fileName: z.string().optional(),
    refusedReason: z.string().optional(),
    duplicateOf: z.string().optional(),
    counts: SubmissionCounts,
    updatedAt: z.string(),
  })
  .meta({ id: 'SubmissionView' });

export const listSubmissions = route({
  method: 'GET',
  path: '/submissions',
  function: 'list-submissions',
  roles: SUBMISSION_READERS,
  summary: '提交列表：部门只看本部门，县级看全县，最新在前',
  tag: 'referrals',
  request: {
    query: z.object({ department: z.enum(DEPARTMENTS).optional(), ...PageQuery }),
  },
  responses: { 200: { description: '一页提交', schema: page(SubmissionView) }, ...errorResponses },
});

const SubmissionParams = z.object({ submissionId: Id });

export const getSubmission = route({
  method: 'GET',
  path: '/submissions/{submissionId}',
  function: 'get-submission',
  roles: SUBMISSION_READERS,
  summary: '提交状态与计数（接收/处理中/完成/拒收）',
  tag: 'referrals',
  request: { params: SubmissionParams },
  responses: { 200: { description: '提交', schema: SubmissionView }, ...errorResponses },
});

export const RowError = z
  .object({ rowNumber: z.number().int(), field: z.string(), message: z.string() })
  .meta({ id: 'RowError' });

export const listSubmissionErrors = route({
  method: 'GET',
  path: '/submissions/{submissionId}/errors',
  function: 'list-submission-errors',
  roles: SUBMISSION_READERS,
  summary: '被拒绝的行：行号、字段、原因',
  tag: 'referrals',
  request: { params: SubmissionParams, query: z.object({ ...PageQuery }) },
  responses: { 200: { description: '一页行错误', schema: page(RowError) }, ...errorResponses },
});

export const getSubmissionErrorsCsv = route({
  method: 'GET',
  path: '/submissions/{submissionId}/errors.csv',
  function: 'get-submission-errors-csv',
  roles: SUBMISSION_READERS,
  summary: '下载被拒绝的行（CSV）',
  tag: 'referrals',
  request: { params: SubmissionParams },
  responses: { 200: { description: 'CSV 文件' }, ...errorResponses },
});

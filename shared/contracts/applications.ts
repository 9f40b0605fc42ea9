/** Bottom-up applications (自下而上, SPEC §3.2): village records, town reviews, county forwards. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { Application, ApplicationStatus } from '../domain/application.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { DISASTER_KINDS, FundCategory, SCHOOL_LEVELS } from '../domain/fund-case.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export const APPLICATION_READERS = [
  'village_cadre',
  'town_official',
  'county_staff',
  'auditor',
] as const satisfies readonly Role[];

export const ApplicationInput = z
  .object({
    householdId: Id,
    memberId: Id.meta({ description: '申请事项涉及的家庭成员' }),
    category: FundCategory,
    eventDate: z.iso.date('日期格式应为 YYYY-MM-DD'),
    amountFen: z.number().int('金额应为整数（分）').min(1, '金额应大于 0').max(100_000_000_00),
    disasterKind: z.enum(DISASTER_KINDS).optional(),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
    authorizationUploadId: Id.meta({
      description: '已上传的承诺授权书（kind=authorization，ownerId=户编号）',
    }),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.category === 'disaster' && !value.disasterKind)
      ctx.addIssue({ code: 'custom', path: ['disasterKind'], message: '因灾申请须填写灾害类型' });
    if (value.category === 'schooling' && !value.schoolLevel)
      ctx.addIssue({ code: 'custom', path: ['schoolLevel'], message: '因学申请须填写就读学段' });
  })
  .meta({ id: 'ApplicationInput' });
export type ApplicationInput = z.infer<typeof ApplicationInput>;

const reasonRequiredFor =
  (rejecting: string) => (value: { decision: string; reason?: string }, ctx: z.RefinementCtx) => {
    if (value.decision === rejecting && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过时须填写可告知农户的原因' });
  };

const Reason = z.string().trim().min(1, '原因不能为空').max(500).optional();
const ApplicationParams = z.object({ applicationId: Id });
const outOfOrder = {
  409: { description: '步骤顺序不对（先村受理、再乡镇审核、后县级转交），或已被他人办理' },
} as const;

export const createApplication = route({
  method: 'POST',
  path: '/applications',
  function: 'create-application',
  roles: ['village_cadre'],
  summary: '村级受理农户申请（须附已上传的承诺授权书）',
  tag: 'fund',
  request: { body: ApplicationInput },
  responses: { 201: { description: '已受理', schema: Application }, ...errorResponses },
});

export const reviewApplication = route({
  method: 'POST',
  path: '/applications/{applicationId}/review',
  function: 'review-application',
  roles: ['town_official'],
  summary: '乡镇审核：通过，或不通过并说明可告知农户的原因',
  tag: 'fund',
  request: {
    params: ApplicationParams,
    body: z
      .object({ decision: z.enum(['approve', 'reject']), reason: Reason })
      .superRefine(reasonRequiredFor('reject')),
  },
  responses: { 200: { description: '已审核', schema: Application }, ...errorResponses, ...outOfOrder },
});

export const forwardApplication = route({
  method: 'POST',
  path: '/applications/{applicationId}/forward',
  function: 'forward-application',
  roles: ['county_staff'],
  summary: '县级转交保险公司核查（生成防贫案件），或不通过并说明原因',
  tag: 'fund',
  request: {
    params: ApplicationParams,
    body: z
      .object({ decision: z.enum(['forward', 'reject']), reason: Reason })
      .superRefine(reasonRequiredFor('reject')),
  },
  responses: { 200: { description: '已办理', schema: Application }, ...errorResponses, ...outOfOrder },
});

export const listApplications = route({
  method: 'GET',
  path: '/applications',
  function: 'list-applications',
  roles: APPLICATION_READERS,
  summary: '申请列表（本辖区，按状态、村/乡镇筛选，分页）',
  tag: 'fund',
  request: {
    query: z.object({
      status: ApplicationStatus.optional(),
      villageCode: RegionCode.optional(),
      townCode: RegionCode.optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页申请', schema: page(Application) }, ...errorResponses },
});

export const getApplication = route({
  method: 'GET',
  path: '/applications/{applicationId}',
  function: 'get-application',
  roles: APPLICATION_READERS,
  summary: '申请详情',
  tag: 'fund',
  request: { params: ApplicationParams },
  responses: { 200: { description: '申请', schema: Application }, ...errorResponses },
});

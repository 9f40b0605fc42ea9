/** Village deliberation (村级评议, SPEC §3.5, §4.3, §4.5): the meeting, its minutes, one outcome per subject. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { Deliberation, DeliberationOutcomeValue, SubjectType } from '../domain/deliberation.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { NOTICES_API } from './notices.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export const DELIBERATION_READERS = [
  'village_cadre',
  'town_official',
  'county_staff',
  'auditor',
] as const satisfies readonly Role[];

const OutcomeInput = z
  .object({
    subjectType: SubjectType,
    subjectId: z.string().trim().min(1, '评议对象编号不能为空').max(100),
    householdId: Id,
    outcome: DeliberationOutcomeValue,
    note: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: '通过：公示所列风险；未通过：原因' }),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'rejected' && !value.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '未通过时须填写原因' });
  });

export const DeliberationInput = z
  .object({
    deliberationId: Id.meta({ description: '客户端生成：会议纪要上传的 ownerId，也是重复提交的幂等键' }),
    meetingDate: z.iso.date('日期格式应为 YYYY-MM-DD'),
    membersPresent: z
      .array(z.string().trim().min(1, '姓名不能为空').max(50))
      .min(1, '请填写参会人员')
      .max(60)
      .meta({ description: '参会评议人员（驻村干部、村两委成员、党员代表、组长），人数下限按县级配置' }),
    minutesUploadId: Id.meta({
      description: '已上传的会议纪要（kind=deliberation_minutes，ownerId=deliberationId）',
    }),
    outcomes: z.array(OutcomeInput).min(1, '至少评议一户').max(100),
  })
  .superRefine((value, ctx) => {
    const members = new Set<string>();
    value.membersPresent.forEach((name, i) => {
      if (members.has(name))
        ctx.addIssue({ code: 'custom', path: ['membersPresent', i], message: '参会人员重复' });
      members.add(name);
    });
    const subjects = new Set<string>();
    value.outcomes.forEach((o, i) => {
      const key = `${o.subjectType}#${o.subjectId}`;
      if (subjects.has(key))
        ctx.addIssue({ code: 'custom', path: ['outcomes', i, 'subjectId'], message: '同一对象只能评议一次' });
      subjects.add(key);
    });
  })
  .meta({ id: 'DeliberationInput' });
export type DeliberationInput = z.infer<typeof DeliberationInput>;

export const recordDeliberation = route({
  method: 'POST',
  path: '/deliberations',
  function: NOTICES_API,
  roles: ['village_cadre'],
  summary: '村级评议：登记评议会议、参会人员、会议纪要与逐户评议结果（同一编号重复提交返回原记录）',
  tag: 'notices',
  request: { body: DeliberationInput },
  responses: {
    201: { description: '已登记', schema: Deliberation },
    200: { description: '重复提交：原记录', schema: Deliberation },
    ...errorResponses,
    409: { description: '该编号已登记了不同内容，或防贫案件不在待评议状态' },
  },
});

export const getDeliberation = route({
  method: 'GET',
  path: '/deliberations/{deliberationId}',
  function: NOTICES_API,
  roles: DELIBERATION_READERS,
  summary: '评议记录详情',
  tag: 'notices',
  request: { params: z.object({ deliberationId: Id }) },
  responses: { 200: { description: '评议记录', schema: Deliberation }, ...errorResponses },
});

export const listDeliberations = route({
  method: 'GET',
  path: '/deliberations',
  function: NOTICES_API,
  roles: DELIBERATION_READERS,
  summary: '评议记录列表（本辖区，按村/乡镇筛选，会议日期新者在前，分页）',
  tag: 'notices',
  request: {
    query: z.object({ villageCode: RegionCode.optional(), townCode: RegionCode.optional(), ...PageQuery }),
  },
  responses: { 200: { description: '一页评议记录', schema: page(Deliberation) }, ...errorResponses },
});

/** Public notice (公示) and objections (异议), SPEC §3.5: posted, objected to, resolved, closed. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { Notice, NoticeKind, NoticeStatus, Objection, ObjectionChannel } from '../domain/notice/notice.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export const NOTICE_READERS = [
  'village_cadre',
  'town_official',
  'county_staff',
  'auditor',
] as const satisfies readonly Role[];

/** All routes of the notices area go to one function (CloudFormation's 500 resources per stack). */
export const NOTICES_API = 'notices-api';

/** At most this many subjects on one notice (one transaction writes them all); post more notices for more. */
export const MAX_NOTICE_SUBJECTS = 40;

const NoticeParams = z.object({ noticeId: Id });

export const PostNoticeInput = z
  .object({
    noticeId: Id.meta({ description: '客户端生成，重复提交的幂等键' }),
    deliberationId: Id,
    kind: NoticeKind,
    subjectIds: z
      .array(z.string().trim().min(1).max(100))
      .min(1, '至少公示一户')
      .max(MAX_NOTICE_SUBJECTS, `一份公示最多 ${MAX_NOTICE_SUBJECTS} 户，请分多份公示`)
      .meta({ description: '评议通过的对象编号（防贫案件编号、识别或消除程序编号）' }),
    risks: z
      .record(z.string(), z.string().trim().min(1).max(100))
      .optional()
      .meta({ description: '按对象编号填写公示所列风险；未填写的取评议意见' }),
    objectionContact: z
      .string()
      .trim()
      .min(1, '请填写异议受理方式（电话、地点）')
      .max(200)
      .meta({ description: '印在公示上的异议受理电话与地点' }),
    acknowledgeCalendarMissing: z
      .boolean()
      .default(false)
      .meta({ description: '公示期跨入节假日安排尚未载入的年度时，确认按暂定截止时间张贴' }),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.subjectIds.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['subjectIds', i], message: '对象重复' });
      seen.add(id);
    });
  })
  .meta({ id: 'PostNoticeInput' });
export type PostNoticeInput = z.infer<typeof PostNoticeInput>;

export const NoticeDetail = Notice.extend({ objections: z.array(Objection) }).meta({ id: 'NoticeDetail' });

export const ObjectionInput = z
  .object({
    objectionId: Id.meta({ description: '客户端生成，重复提交的幂等键；佐证材料以它为 ownerId 上传' }),
    subjectId: z.string().trim().min(1).max(100),
    content: z.string().trim().min(1, '请填写异议内容').max(2000),
    channel: ObjectionChannel,
    receivedAt: z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601' }),
  })
  .meta({ id: 'ObjectionInput' });
export type ObjectionInput = z.infer<typeof ObjectionInput>;

export const ResolveObjectionInput = z
  .object({
    decision: z.enum(['upheld', 'dismissed']).meta({ description: '异议成立（撤出公示）/ 不成立（保留）' }),
    resolution: z.string().trim().min(1, '请填写处理结论（异议成立时即撤出原因）').max(500),
    investigationNotes: z.string().trim().min(1, '请填写调查核实情况').max(2000),
    evidenceUploadId: Id.optional().meta({
      description: '调查佐证（kind=objection_evidence，ownerId=异议编号）',
    }),
  })
  .meta({ id: 'ResolveObjectionInput' });
export type ResolveObjectionInput = z.infer<typeof ResolveObjectionInput>;

const conflicts = {
  409: {
    description: '步骤顺序不对（公示已结束、异议未办结、公示期未满、节假日安排未载入），或已被他人办理',
  },
} as const;

export const postNotice = route({
  method: 'POST',
  path: '/notices',
  function: NOTICES_API,
  roles: ['village_cadre'],
  summary: '张贴公示：评议通过的对象，公示期按县级配置与节假日安排计算（同一编号重复提交返回原公示）',
  tag: 'notices',
  request: { body: PostNoticeInput },
  responses: {
    201: { description: '已张贴', schema: Notice },
    200: { description: '重复提交：原公示', schema: Notice },
    ...errorResponses,
    ...conflicts,
  },
});

export const getNotice = route({
  method: 'GET',
  path: '/notices/{noticeId}',
  function: NOTICES_API,
  roles: NOTICE_READERS,
  summary: '公示详情（含异议）',
  tag: 'notices',
  request: { params: NoticeParams },
  responses: { 200: { description: '公示', schema: NoticeDetail }, ...errorResponses },
});

export const listNotices = route({
  method: 'GET',
  path: '/notices',
  function: NOTICES_API,
  roles: NOTICE_READERS,
  summary: '公示列表（本辖区，按状态、村/乡镇筛选，分页）',
  tag: 'notices',
  request: {
    query: z.object({
      status: NoticeStatus.optional(),
      villageCode: RegionCode.optional(),
      townCode: RegionCode.optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页公示', schema: page(Notice) }, ...errorResponses },
});

export const printNotice = route({
  method: 'GET',
  path: '/notices/{noticeId}/print',
  function: NOTICES_API,
  roles: NOTICE_READERS,
  summary: '可打印的公示（A4 HTML，姓名与身份证号脱敏）',
  tag: 'notices',
  request: { params: NoticeParams },
  responses: { 200: { description: 'text/html' }, ...errorResponses },
});

export const recordObjection = route({
  method: 'POST',
  path: '/notices/{noticeId}/objections',
  function: NOTICES_API,
  roles: ['village_cadre', 'town_official', 'county_staff'],
  summary: '登记公示期内收到的异议',
  tag: 'notices',
  request: { params: NoticeParams, body: ObjectionInput },
  responses: {
    201: { description: '已登记', schema: Objection },
    200: { description: '重复提交：原异议', schema: Objection },
    ...errorResponses,
    ...conflicts,
  },
});

export const resolveObjection = route({
  method: 'POST',
  path: '/notices/{noticeId}/objections/{objectionId}/resolve',
  function: NOTICES_API,
  roles: ['town_official', 'county_staff'],
  summary: '异议调查核实后办结：成立（对象撤出公示并说明原因）或不成立（保留）',
  tag: 'notices',
  request: { params: NoticeParams.extend({ objectionId: Id }), body: ResolveObjectionInput },
  responses: { 200: { description: '已办结', schema: Objection }, ...errorResponses, ...conflicts },
});

export const closeNotice = route({
  method: 'POST',
  path: '/notices/{noticeId}/close',
  function: NOTICES_API,
  roles: ['county_staff'],
  summary: '结束公示（公示期满且无未办结异议；到期后定时任务也会自动结束）',
  tag: 'notices',
  request: { params: NoticeParams },
  responses: { 200: { description: '已结束', schema: Notice }, ...errorResponses, ...conflicts },
});

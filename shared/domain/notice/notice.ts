/**
 * Public notice (公示, SPEC §3.5): the subjects a village deliberation passed, posted for a period
 * counted per Civil Code art. 201/203 (see `../calendar/notice-period.ts`), with objections recorded
 * and resolved during it. One notice lists one kind of subject. A subject leaves the list when an
 * objection against it is upheld (`withdrawn`); the notice closes at its end when no objection is
 * open. "Notice closed and subject still listed" is what the next step (payout, town review) needs:
 * `noticePassed(subjectOutcome)`.
 */
import { z } from 'zod';
import { REGION_CODE } from '../region.ts';
import { SubjectType } from '../deliberation.ts';

export const NOTICE_KINDS = ['fund', 'identification', 'elimination'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS).meta({ description: '防贫保障 / 监测对象识别 / 风险消除' });
export type NoticeKind = z.infer<typeof NoticeKind>;

/** The subjects a notice of each kind lists. */
export const SUBJECT_TYPE_OF_KIND: Readonly<Record<NoticeKind, SubjectType>> = {
  fund: 'fund_case',
  identification: 'identification',
  elimination: 'elimination',
};

export const NOTICE_KIND_ZH: Readonly<Record<NoticeKind, string>> = {
  fund: '防贫保障对象',
  identification: '防止返贫监测对象识别',
  elimination: '防止返贫监测对象风险消除',
};

export const NoticeStatus = z.enum(['posted', 'closed']).meta({ description: '公示中 / 已结束' });
export type NoticeStatus = z.infer<typeof NoticeStatus>;

export const NoticeSubjectStatus = z
  .enum(['listed', 'withdrawn'])
  .meta({ description: '在列 / 因异议成立撤出' });
export type NoticeSubjectStatus = z.infer<typeof NoticeSubjectStatus>;

/** A row of the notice: never a full name or resident ID. */
export const NoticeSubject = z
  .object({
    subjectType: SubjectType,
    subjectId: z.string().min(1),
    householdId: z.string(),
    headNameMasked: z.string(),
    residentIdMasked: z.string(),
    householdSize: z.number().int().min(0),
    risk: z.string().meta({ description: '致贫（返贫）风险，zh-CN' }),
    status: NoticeSubjectStatus,
    withdrawnReason: z.string().optional(),
    withdrawnAt: z.string().optional(),
  })
  .meta({ id: 'NoticeSubject' });
export type NoticeSubject = z.infer<typeof NoticeSubject>;

export const Notice = z
  .object({
    noticeId: z.string().uuid(),
    kind: NoticeKind,
    countyCode: z.string().regex(REGION_CODE),
    townCode: z.string().regex(REGION_CODE),
    villageCode: z.string().regex(REGION_CODE),
    deliberationId: z.string().uuid(),
    postedAt: z.string().meta({ description: '张贴时刻（UTC ISO）' }),
    postedBy: z.string(),
    periodDays: z.number().int().min(1),
    workingDays: z.boolean().meta({ description: '按工作日计算' }),
    /** The first counted day (the day after posting) and the last day, Asia/Shanghai dates. */
    firstDay: z.iso.date(),
    lastDay: z.iso.date(),
    endsAt: z.string().meta({ description: '公示期满时刻：最后一日 24:00（北京时间），以 UTC ISO 存储' }),
    /** Years the period reaches whose holiday calendar was not loaded: the end is then provisional. */
    calendarMissing: z.array(z.number().int()),
    objectionContact: z.string().meta({ description: '异议受理方式（电话、地点），印在公示上' }),
    status: NoticeStatus,
    closedAt: z.string().optional(),
    closedBy: z.string().optional(),
    subjects: z.array(NoticeSubject).min(1),
    objectionsOpen: z.number().int().min(0),
    objectionsTotal: z.number().int().min(0),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Notice' });
export type Notice = z.infer<typeof Notice>;

export const OBJECTION_CHANNELS = ['in_person', 'phone', 'letter', 'hotline', 'online', 'other'] as const;
export const ObjectionChannel = z
  .enum(OBJECTION_CHANNELS)
  .meta({ description: '当面 / 电话 / 信函 / 热线 / 网络 / 其他' });

export const ObjectionStatus = z
  .enum(['open', 'upheld', 'dismissed'])
  .meta({ description: '待核实 / 成立 / 不成立' });
export type ObjectionStatus = z.infer<typeof ObjectionStatus>;

export const Objection = z
  .object({
    objectionId: z.string().uuid(),
    noticeId: z.string().uuid(),
    subjectId: z.string().min(1),
    receivedAt: z.string(),
    content: z.string(),
    channel: ObjectionChannel,
    recordedBy: z.string(),
    recordedAt: z.string(),
    status: ObjectionStatus,
    /** The reason told to the household (upheld) or why the objection does not hold (dismissed). */
    resolution: z.string().optional(),
    investigationNotes: z.string().optional(),
    evidenceUploadId: z.string().uuid().optional(),
    resolvedBy: z.string().optional(),
    resolvedAt: z.string().optional(),
  })
  .meta({ id: 'Objection' });
export type Objection = z.infer<typeof Objection>;

/** The latest notice a subject was listed on, as the next steps' guards read it. */
export const SubjectOutcome = z
  .object({
    subjectType: SubjectType,
    subjectId: z.string(),
    noticeId: z.string(),
    kind: NoticeKind,
    noticeStatus: NoticeStatus,
    subjectStatus: NoticeSubjectStatus,
    endsAt: z.string(),
    closedAt: z.string().optional(),
    withdrawnReason: z.string().optional(),
  })
  .meta({ id: 'SubjectOutcome' });
export type SubjectOutcome = z.infer<typeof SubjectOutcome>;

/** The notice of this subject is over and the subject stayed on the list: the procedure may go on. */
export const noticePassed = (outcome: SubjectOutcome | undefined): boolean =>
  outcome !== undefined && outcome.noticeStatus === 'closed' && outcome.subjectStatus === 'listed';

/* Item layout (main table):
 *   notice     pk=NOTICE#<noticeId>  sk=NOTICE   gsi1/2/3 NOTICES#<village|town|county> / <status>#<postedAt>#<noticeId>
 *   objection  pk=NOTICE#<noticeId>  sk=OBJ#<objectionId>
 *   subject    pk=NOTICESUBJ#<subjectType>#<subjectId>  sk=CURRENT  (the latest notice listing it)
 */
export const noticeKey = (noticeId: string) => ({ pk: `NOTICE#${noticeId}`, sk: 'NOTICE' });
export const objectionKey = (noticeId: string, objectionId: string) => ({
  pk: `NOTICE#${noticeId}`,
  sk: `OBJ#${objectionId}`,
});
export const subjectOutcomeKey = (subjectType: SubjectType, subjectId: string) => ({
  pk: `NOTICESUBJ#${subjectType}#${subjectId}`,
  sk: 'CURRENT',
});

export const noticeItem = (n: Notice): Record<string, unknown> => {
  const sort = `${n.status}#${n.postedAt}#${n.noticeId}`;
  return {
    ...noticeKey(n.noticeId),
    entity: 'notice',
    ...n,
    gsi1pk: `NOTICES#${n.villageCode}`,
    gsi1sk: sort,
    gsi2pk: `NOTICES#${n.townCode}`,
    gsi2sk: sort,
    gsi3pk: `NOTICES#${n.countyCode}`,
    gsi3sk: sort,
  };
};

export const objectionItem = (o: Objection): Record<string, unknown> => ({
  ...objectionKey(o.noticeId, o.objectionId),
  entity: 'objection',
  ...o,
});

/** What a subject's item says after this notice was posted, changed or closed. */
export const subjectOutcomeOf = (notice: Notice, subject: NoticeSubject): SubjectOutcome => ({
  subjectType: subject.subjectType,
  subjectId: subject.subjectId,
  noticeId: notice.noticeId,
  kind: notice.kind,
  noticeStatus: notice.status,
  subjectStatus: subject.status,
  endsAt: notice.endsAt,
  ...(notice.closedAt ? { closedAt: notice.closedAt } : {}),
  ...(subject.withdrawnReason ? { withdrawnReason: subject.withdrawnReason } : {}),
});

export const subjectOutcomeItem = (o: SubjectOutcome): Record<string, unknown> => ({
  ...subjectOutcomeKey(o.subjectType, o.subjectId),
  entity: 'noticeSubject',
  ...o,
});

/**
 * Posts a notice (SPEC §3.5). Opens with its checks: the deliberation of the cadre's own village,
 * each subject passed there with the notice's kind, a fund case still waiting for deliberation; then
 * builds the rows from the registry (head's name and ID masked, household size, risk) and counts the
 * period from the county's configuration on the holiday calendar. A period reaching into a year
 * whose calendar is not loaded is refused until the cadre acknowledges the provisional end; then it
 * is posted with the flag and county staff get a `calendar_missing` alert. Written once, with each
 * subject's item (a subject is on one notice at a time) and the audit records.
 */
import { isDeepStrictEqual } from 'node:util';
import { assertRegionScope } from '../../auth/authorize.ts';
import type { PostNoticeInput } from '../../contracts/notices.ts';
import { noticeEnd } from '../../domain/calendar/notice-period.ts';
import { openAlert } from '../../domain/alert.ts';
import { FUND_CATEGORY_ZH } from '../../domain/fund-case.ts';
import { SUBJECT_TYPE_ZH, outcomeOf, type Deliberation } from '../../domain/deliberation.ts';
import { householdSummary } from '../../domain/household-view.ts';
import {
  SUBJECT_TYPE_OF_KIND,
  subjectOutcomeOf,
  type Notice,
  type NoticeSubject,
} from '../../domain/notice/notice.ts';
import { CALENDAR_MISSING } from '../../domain/notice/transitions.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed, type FieldIssue } from '../../http/errors.ts';
import { CASE_NOT_AWAITING_DELIBERATION } from '../deliberations/record-deliberation.ts';
import { noticeAudit } from './audit.ts';
import type { Caller, NoticeDeps } from './ports.ts';

export const NOTICE_EXISTS = 'NOTICE_EXISTS';

const sameRequest = (notice: Notice, input: PostNoticeInput): boolean =>
  notice.deliberationId === input.deliberationId &&
  notice.kind === input.kind &&
  isDeepStrictEqual(
    notice.subjects.map((s) => s.subjectId),
    input.subjectIds,
  );

/** Each row from the registry and the deliberation; issues name the subject's index. */
const buildSubjects = async (
  deps: NoticeDeps,
  input: PostNoticeInput,
  deliberation: Deliberation,
): Promise<{ subjects: NoticeSubject[]; issues: FieldIssue[]; outOfOrder: string[] }> => {
  const subjectType = SUBJECT_TYPE_OF_KIND[input.kind];
  const issues: FieldIssue[] = [];
  const outOfOrder: string[] = [];
  const rows = await Promise.all(
    input.subjectIds.map(async (subjectId, i): Promise<NoticeSubject | undefined> => {
      const path = `body.subjectIds.${i}`;
      const outcome = outcomeOf(deliberation, subjectType, subjectId);
      if (outcome?.outcome !== 'passed') {
        issues.push({ path, message: `该对象未在本次评议中以“${SUBJECT_TYPE_ZH[subjectType]}”评议通过` });
        return undefined;
      }
      const household = await deps.households.get(outcome.householdId);
      if (!household || household.villageCode !== deliberation.villageCode) {
        issues.push({ path, message: '该对象的农户不存在或已不属于本村' });
        return undefined;
      }
      let fallbackRisk: string = SUBJECT_TYPE_ZH[subjectType];
      if (subjectType === 'fund_case') {
        const fundCase = (await deps.cases.get(subjectId))?.fundCase;
        // A green-channel case (advance paid before the notice ends) is posted whatever its payout status.
        if (fundCase?.status !== 'awaiting_deliberation' && !fundCase?.greenChannel)
          outOfOrder.push(subjectId);
        if (fundCase) fallbackRisk = FUND_CATEGORY_ZH[fundCase.category];
      }
      const summary = householdSummary(household);
      return {
        subjectType,
        subjectId,
        householdId: household.householdId,
        headNameMasked: summary.headName,
        residentIdMasked: summary.headIdNumber,
        householdSize: summary.memberCount,
        risk: input.risks?.[subjectId] ?? outcome.note ?? fallbackRisk,
        status: 'listed',
      };
    }),
  );
  return { subjects: rows.filter((r): r is NoticeSubject => r !== undefined), issues, outOfOrder };
};

export const postNotice = async (
  deps: NoticeDeps,
  caller: Caller,
  input: PostNoticeInput,
): Promise<{ notice: Notice; created: boolean }> => {
  const villageCode = caller.identity.villageCode;
  if (!villageCode) throw new Forbidden('仅村级账号可张贴公示');

  const replay = async () => {
    const existing = await deps.notices.get(input.noticeId);
    if (!existing) return undefined;
    if (existing.villageCode === villageCode && sameRequest(existing, input))
      return { notice: existing, created: false };
    throw new Conflict('该公示编号已用于另一份公示', NOTICE_EXISTS);
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const deliberation = await deps.deliberations.get(input.deliberationId);
  if (!deliberation) throw new NotFound('评议记录不存在或不在您的管辖范围内');
  assertRegionScope(caller.identity, deliberation.villageCode);

  const { subjects, issues, outOfOrder } = await buildSubjects(deps, input, deliberation);
  if (issues.length > 0) throw new ValidationFailed(issues.sort((a, b) => a.path.localeCompare(b.path)));
  if (outOfOrder.length > 0)
    throw new Conflict('有防贫案件不在待评议状态，不能公示', CASE_NOT_AWAITING_DELIBERATION, {
      caseIds: outOfOrder,
    });

  const postedAt = caller.now;
  const year = Number(shanghaiDate(postedAt).slice(0, 4));
  const config = await deps.config.get(deliberation.countyCode, year);
  const calendars = await deps.calendars.index([year, year + 1, year + 2]);
  const period = noticeEnd(postedAt, config.noticeDays, config.noticeWorkingDays, calendars);
  if (period.calendarMissing.length > 0 && !input.acknowledgeCalendarMissing)
    throw new Conflict(
      `公示期跨入 ${period.calendarMissing.join('、')} 年，该年度国务院节假日安排尚未载入，截止时间只能暂按周末推算。请县级先载入该年度安排，或确认按暂定截止时间张贴（acknowledgeCalendarMissing）`,
      CALENDAR_MISSING,
      { years: period.calendarMissing, provisionalLastDay: period.lastDay, provisionalEndsAt: period.endsAt },
    );

  const notice: Notice = {
    noticeId: input.noticeId,
    kind: input.kind,
    countyCode: deliberation.countyCode,
    townCode: deliberation.townCode,
    villageCode: deliberation.villageCode,
    deliberationId: deliberation.deliberationId,
    postedAt: postedAt.toISOString(),
    postedBy: caller.identity.userId,
    periodDays: config.noticeDays,
    workingDays: config.noticeWorkingDays,
    ...period,
    objectionContact: input.objectionContact,
    status: 'posted',
    subjects,
    objectionsOpen: 0,
    objectionsTotal: 0,
    version: 1,
  };
  const audit = noticeAudit(deps.newId, caller, notice, notice.postedAt, {
    action: 'notice.posted',
    summary: `张贴公示，公示期至 ${notice.lastDay} 24:00${notice.calendarMissing.length > 0 ? '（暂定）' : ''}`,
    details: { lastDay: notice.lastDay, endsAt: notice.endsAt, calendarMissing: notice.calendarMissing },
    households: subjects.map((s) => ({ householdId: s.householdId, subjectId: s.subjectId })),
  });
  try {
    await deps.notices.save({ notice, subjects: subjects.map((s) => subjectOutcomeOf(notice, s)), audit });
  } catch (error) {
    const raced = error instanceof Conflict ? await replay().catch(() => undefined) : undefined;
    if (raced) return raced;
    throw error;
  }
  await raiseCalendarAlerts(deps, notice);
  return { notice, created: true };
};

/** One open alert per county and missing year, linked to the notice that first met it. */
const raiseCalendarAlerts = async (deps: NoticeDeps, notice: Notice) => {
  for (const year of notice.calendarMissing)
    await deps.alerts.raise(
      openAlert({
        kind: 'calendar_missing',
        key: String(year),
        scopeCode: notice.countyCode,
        raisedAt: notice.postedAt,
        title: `${year} 年节假日安排尚未载入`,
        detail: `有公示的公示期跨入 ${year} 年，截止时间暂按周末推算，公示到期前不会自动结束。请载入国务院办公厅公布的 ${year} 年节假日安排（PUT /calendar/${year}）。`,
        links: [{ type: 'notice', id: notice.noticeId }],
      }),
    );
};

/**
 * Closing notices (SPEC §3.5): a notice closes at its end when no objection is open and its end is
 * not provisional (a year's calendar missing). County staff may close one by hand with the same
 * guard (409 naming what is missing); the hourly schedule closes every notice that may close, and
 * first recounts the end of a notice whose missing calendar has since been loaded. Each close is
 * written at the version read with the listed subjects' items (noticeStatus `closed`), so a double
 * close or a close racing an objection changes nothing.
 */
import type { Identity } from '../../auth/identity.ts';
import { noticeEnd } from '../../domain/calendar/notice-period.ts';
import { subjectOutcomeOf, type Notice } from '../../domain/notice/notice.ts';
import { closeBlocker, closeNotice as close, recountNotice } from '../../domain/notice/transitions.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import { Conflict } from '../../http/errors.ts';
import { noticeAudit } from './audit.ts';
import { loadNoticeInScope } from './read-notices.ts';
import { onFreshNotice } from './retry.ts';
import type { Caller, NoticeDeps } from './ports.ts';

/** The subjects whose latest notice is this one: all listed ones, and withdrawn ones not posted again since. */
const stillHere = async (deps: NoticeDeps, notice: Notice) => {
  const current = await Promise.all(
    notice.subjects.map(async (s) =>
      s.status === 'listed' ||
      (await deps.notices.subjectOutcome(s.subjectType, s.subjectId))?.noticeId === notice.noticeId
        ? s
        : undefined,
    ),
  );
  return current.filter((s) => s !== undefined);
};

const writeClose = async (deps: NoticeDeps, caller: Caller, notice: Notice, by: string): Promise<Notice> => {
  const closed = close(notice, caller.now, by);
  const listed = closed.subjects.filter((s) => s.status === 'listed');
  await deps.notices.save({
    notice: closed,
    expectedVersion: notice.version,
    subjects: (await stillHere(deps, closed)).map((s) => subjectOutcomeOf(closed, s)),
    audit: noticeAudit(deps.newId, caller, closed, caller.now.toISOString(), {
      action: 'notice.closed',
      summary: `公示期满结束：${listed.length} 户无异议或异议不成立，${closed.subjects.length - listed.length} 户因异议成立撤出`,
      details: { closedBy: by, listed: listed.length, withdrawn: closed.subjects.length - listed.length },
      households: closed.subjects.map((s) => ({ householdId: s.householdId, subjectId: s.subjectId })),
    }),
  });
  return closed;
};

/** `POST /notices/{id}/close`: an already closed notice answers as it is. */
export const closeNoticeByHand = (deps: NoticeDeps, caller: Caller, noticeId: string): Promise<Notice> =>
  onFreshNotice(async () => {
    const notice = await loadNoticeInScope(deps.notices, caller.identity, noticeId);
    if (notice.status === 'closed') return notice;
    return writeClose(deps, caller, notice, caller.identity.userId);
  });

/** The end of a provisional notice counted again on the calendars loaded now. */
const recount = async (deps: NoticeDeps, caller: Caller, notice: Notice): Promise<Notice> => {
  if (notice.calendarMissing.length === 0) return notice;
  const year = Number(shanghaiDate(new Date(notice.postedAt)).slice(0, 4));
  const calendars = await deps.calendars.index([year, year + 1, year + 2]);
  const period = noticeEnd(new Date(notice.postedAt), notice.periodDays, notice.workingDays, calendars);
  if (period.calendarMissing.length === notice.calendarMissing.length) return notice;
  const next = recountNotice(notice, period);
  await deps.notices.save({
    notice: next,
    expectedVersion: notice.version,
    subjects: (await stillHere(deps, next)).map((s) => subjectOutcomeOf(next, s)),
    audit: noticeAudit(deps.newId, caller, next, caller.now.toISOString(), {
      action: 'notice.end_recounted',
      summary: `节假日安排载入后重算公示期：至 ${next.lastDay} 24:00`,
      details: { lastDay: next.lastDay, endsAt: next.endsAt, before: notice.endsAt },
      households: [],
    }),
  });
  return next;
};

export interface CloseSweepResult {
  readonly counties: number;
  readonly examined: number;
  readonly closed: string[];
  readonly recounted: string[];
  /** Notices another writer changed while the sweep looked at them: the next run takes them. */
  readonly skipped: string[];
}

/** The schedule's actor in the audit trail. */
const scheduleIdentity = (countyCode: string): Identity => ({
  userId: 'schedule:close-notices',
  username: '公示到期自动结束',
  role: 'county_staff',
  countyCode,
});

export const closeDueNotices = async (
  deps: NoticeDeps & { listCounties: () => Promise<string[]> },
  now: Date,
  /** Only these notices (a re-run for given notices); all posted ones when absent. */
  only?: ReadonlySet<string>,
): Promise<CloseSweepResult> => {
  const counties = await deps.listCounties();
  const result = {
    counties: counties.length,
    examined: 0,
    closed: [] as string[],
    recounted: [] as string[],
    skipped: [] as string[],
  };
  for (const countyCode of counties) {
    const caller: Caller = { identity: scheduleIdentity(countyCode), now };
    let cursor: string | undefined;
    do {
      const page = await deps.notices.list(
        { regionCode: countyCode, status: 'posted' },
        { limit: 100, cursor },
      );
      for (const found of page.items) {
        if (only && !only.has(found.noticeId)) continue;
        result.examined += 1;
        try {
          const notice = await recount(deps, caller, found);
          if (notice !== found) result.recounted.push(notice.noticeId);
          if (closeBlocker(notice, now)) continue;
          await writeClose(deps, caller, notice, caller.identity.userId);
          result.closed.push(notice.noticeId);
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
          result.skipped.push(found.noticeId);
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return result;
};

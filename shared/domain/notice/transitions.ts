/**
 * The life of a notice as pure transitions: each returns the next notice (version + 1) or throws a
 * Conflict naming what must come first. The store writes the result at the version read.
 */
import { Conflict } from '../../http/errors.ts';
import type { Notice, Objection } from './notice.ts';

export const NOTICE_CLOSED = 'NOTICE_CLOSED';
export const OBJECTION_OPEN = 'OBJECTION_OPEN';
export const NOTICE_NOT_ENDED = 'NOTICE_NOT_ENDED';
export const CALENDAR_MISSING = 'CALENDAR_MISSING';
export const OBJECTION_OUTSIDE_PERIOD = 'OBJECTION_OUTSIDE_PERIOD';
export const SUBJECT_WITHDRAWN = 'SUBJECT_WITHDRAWN';

const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** `2026/10/09 00:00` in Asia/Shanghai. */
export const shanghaiMinute = (iso: string): string => formatter.format(new Date(iso));

const next = (notice: Notice, changes: Partial<Notice>): Notice => ({
  ...notice,
  ...changes,
  version: notice.version + 1,
});

/** Why the notice cannot close now (empty: it can). */
export const closeBlocker = (notice: Notice, now: Date): Conflict | undefined => {
  if (notice.status === 'closed') return new Conflict('公示已结束', NOTICE_CLOSED);
  if (notice.calendarMissing.length > 0)
    return new Conflict(
      `公示期跨入尚未载入节假日安排的年度（${notice.calendarMissing.join('、')}），请先载入该年度安排再结束公示`,
      CALENDAR_MISSING,
      { years: notice.calendarMissing },
    );
  if (notice.objectionsOpen > 0)
    return new Conflict(`尚有 ${notice.objectionsOpen} 件异议未办结，须先调查核实并办结`, OBJECTION_OPEN, {
      objectionsOpen: notice.objectionsOpen,
    });
  if (now.getTime() < Date.parse(notice.endsAt))
    return new Conflict(`公示期未满，${shanghaiMinute(notice.endsAt)} 后方可结束`, NOTICE_NOT_ENDED, {
      endsAt: notice.endsAt,
    });
  return undefined;
};

export const closeNotice = (notice: Notice, now: Date, by: string): Notice => {
  const blocker = closeBlocker(notice, now);
  if (blocker) throw blocker;
  return next(notice, { status: 'closed', closedAt: now.toISOString(), closedBy: by });
};

/** An objection may be recorded while the notice is posted, received within the period, against a listed subject. */
export const recordObjection = (notice: Notice, objection: Objection): Notice => {
  if (notice.status === 'closed') throw new Conflict('公示已结束，不能再登记异议', NOTICE_CLOSED);
  const received = Date.parse(objection.receivedAt);
  if (received < Date.parse(notice.postedAt) || received >= Date.parse(notice.endsAt))
    throw new Conflict(
      `异议须在公示期内（${shanghaiMinute(notice.postedAt)} 至 ${shanghaiMinute(notice.endsAt)}）收到`,
      OBJECTION_OUTSIDE_PERIOD,
      { postedAt: notice.postedAt, endsAt: notice.endsAt },
    );
  const subject = notice.subjects.find((s) => s.subjectId === objection.subjectId);
  if (subject?.status === 'withdrawn') throw new Conflict('该对象已因异议成立撤出公示', SUBJECT_WITHDRAWN);
  return next(notice, {
    objectionsOpen: notice.objectionsOpen + 1,
    objectionsTotal: notice.objectionsTotal + 1,
  });
};

/** Resolving: upheld withdraws the subject with the reason; dismissed leaves it listed. */
export const resolveObjection = (notice: Notice, resolved: Objection): Notice => {
  if (resolved.status === 'open') throw new Error('a resolution is upheld or dismissed');
  const at = resolved.resolvedAt ?? new Date().toISOString();
  return next(notice, {
    objectionsOpen: Math.max(0, notice.objectionsOpen - 1),
    subjects: notice.subjects.map((s) =>
      resolved.status === 'upheld' && s.subjectId === resolved.subjectId && s.status === 'listed'
        ? { ...s, status: 'withdrawn', withdrawnReason: resolved.resolution ?? '异议成立', withdrawnAt: at }
        : s,
    ),
  });
};

/** A provisional end recomputed once the missing calendar is loaded. */
export const recountNotice = (
  notice: Notice,
  period: Pick<Notice, 'lastDay' | 'endsAt' | 'calendarMissing'>,
): Notice => next(notice, period);

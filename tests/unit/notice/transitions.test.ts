import { describe, expect, it } from 'vitest';
import {
  closeBlocker,
  closeNotice,
  recordObjection,
  resolveObjection,
} from '../../../shared/domain/notice/transitions.ts';
import { noticePassed, subjectOutcomeOf } from '../../../shared/domain/notice/notice.ts';
import { Conflict } from '../../../shared/http/errors.ts';
import { openObjection, postedNotice } from './fixtures.ts';

const END = new Date('2026-10-08T16:00:00.000Z');
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof Conflict ? error.code : 'not a Conflict';
  }
};

describe('closing a notice', () => {
  it('closes at 24:00 of the last day, not a millisecond before', () => {
    expect(closeBlocker(postedNotice(), new Date(END.getTime() - 1))?.code).toBe('NOTICE_NOT_ENDED');
    expect(closeNotice(postedNotice(), END, 'county.staff')).toMatchObject({
      status: 'closed',
      closedAt: '2026-10-08T16:00:00.000Z',
      closedBy: 'county.staff',
      version: 2,
    });
  });

  it('stays open while an objection is open, while its end is provisional, and once closed', () => {
    expect(codeOf(() => closeNotice(postedNotice({ objectionsOpen: 1 }), END, 'x'))).toBe('OBJECTION_OPEN');
    expect(codeOf(() => closeNotice(postedNotice({ calendarMissing: [2027] }), END, 'x'))).toBe(
      'CALENDAR_MISSING',
    );
    expect(codeOf(() => closeNotice(postedNotice({ status: 'closed' }), END, 'x'))).toBe('NOTICE_CLOSED');
  });
});

describe('objections', () => {
  it('are counted when received within the period', () => {
    expect(recordObjection(postedNotice(), openObjection())).toMatchObject({
      objectionsOpen: 1,
      objectionsTotal: 1,
      version: 2,
    });
  });

  it('are refused before posting, at or after the end, and on a closed notice', () => {
    const notice = postedNotice();
    expect(
      codeOf(() => recordObjection(notice, openObjection({ receivedAt: '2026-09-30T01:59:59.999Z' }))),
    ).toBe('OBJECTION_OUTSIDE_PERIOD');
    expect(
      codeOf(() => recordObjection(notice, openObjection({ receivedAt: '2026-10-08T16:00:00.000Z' }))),
    ).toBe('OBJECTION_OUTSIDE_PERIOD');
    expect(
      recordObjection(notice, openObjection({ receivedAt: '2026-10-08T15:59:59.999Z' })).objectionsOpen,
    ).toBe(1);
    expect(codeOf(() => recordObjection(postedNotice({ status: 'closed' }), openObjection()))).toBe(
      'NOTICE_CLOSED',
    );
  });

  it('upheld withdraws the subject with the reason; dismissed keeps it listed', () => {
    const objected = recordObjection(postedNotice(), openObjection());
    const upheld = resolveObjection(
      objected,
      openObjection({
        status: 'upheld',
        resolution: '人均收入高于防贫线',
        resolvedAt: '2026-10-05T02:00:00.000Z',
      }),
    );
    expect(upheld.objectionsOpen).toBe(0);
    expect(upheld.subjects.map((s) => [s.subjectId, s.status, s.withdrawnReason])).toEqual([
      ['case-1', 'withdrawn', '人均收入高于防贫线'],
      ['case-2', 'listed', undefined],
    ]);
    const dismissed = resolveObjection(
      objected,
      openObjection({ status: 'dismissed', resolution: '不成立' }),
    );
    expect(dismissed.subjects.map((s) => s.status)).toEqual(['listed', 'listed']);
    expect(codeOf(() => recordObjection(upheld, openObjection({ objectionId: 'x' })))).toBe(
      'SUBJECT_WITHDRAWN',
    );
  });
});

describe('what the next steps read', () => {
  it('passes a listed subject of a closed notice only', () => {
    const notice = postedNotice();
    const [first] = notice.subjects;
    if (!first) throw new Error('fixture has subjects');
    expect(noticePassed(subjectOutcomeOf(notice, first))).toBe(false);
    const closed = closeNotice(notice, END, 'x');
    expect(noticePassed(subjectOutcomeOf(closed, first))).toBe(true);
    expect(noticePassed(subjectOutcomeOf(closed, { ...first, status: 'withdrawn' }))).toBe(false);
    expect(noticePassed(undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  boardRows,
  expectedDepartments,
  missingDepartments,
  missingSubmissionAlertText,
  type BoardSubmission,
  type ReferralSchedule,
} from '../../../shared/domain/submission-board.ts';
import type { Department } from '../../../shared/auth/roles.ts';

const schedule: ReferralSchedule = {
  dueDay: 5,
  monthlyDepartments: ['medical_insurance', 'civil_affairs', 'emergency_management'],
  educationMonths: [3, 9],
};

const sub = (
  department: Department,
  receivedAt: string,
  extra: Partial<BoardSubmission> = {},
): BoardSubmission => ({
  department,
  receivedAt,
  timeliness: receivedAt < '2026-04-05T16:00:00.000Z' ? 'on_time' : 'late',
  status: 'done',
  counts: { accepted: 10, rejected: 2 },
  ...extra,
});

describe('expectedDepartments', () => {
  it('adds education only in its months', () => {
    expect(expectedDepartments(schedule, '2026-03')).toEqual([
      'medical_insurance',
      'civil_affairs',
      'emergency_management',
      'education',
    ]);
    expect(expectedDepartments(schedule, '2026-04')).toEqual([
      'medical_insurance',
      'civil_affairs',
      'emergency_management',
    ]);
    expect(expectedDepartments(schedule, '2026-09')).toContain('education');
  });
});

describe('boardRows', () => {
  const afterDue = new Date('2026-04-07T02:00:00.000Z');
  const beforeDue = new Date('2026-04-05T15:59:59.000Z');

  it('on time, late, missing after the due moment, pending before it', () => {
    const submissions = [
      sub('medical_insurance', '2026-04-03T01:00:00.000Z'),
      sub('medical_insurance', '2026-04-04T01:00:00.000Z', { counts: { accepted: 5, rejected: 0 } }),
      sub('civil_affairs', '2026-04-06T23:00:00.000Z'),
    ];
    const rows = boardRows({
      month: '2026-04',
      now: afterDue,
      schedule,
      submissions,
      missingMarks: new Map(),
    });
    expect(rows.map((r) => [r.department, r.status, r.submissions, r.rowsAccepted, r.rowsRejected])).toEqual([
      ['medical_insurance', 'on_time', 2, 15, 2],
      ['civil_affairs', 'late', 1, 10, 2],
      ['emergency_management', 'missing', 0, 0, 0],
    ]);
    expect(rows[0]?.latestReceivedAt).toBe('2026-04-04T01:00:00.000Z');
    expect(rows[0]?.departmentLabel).toBe('医保局');
    const early = boardRows({
      month: '2026-04',
      now: beforeDue,
      schedule,
      submissions: [],
      missingMarks: new Map(),
    });
    expect(early.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
  });

  it('the due moment is 24:00 Asia/Shanghai of the due day', () => {
    const at = (iso: string) =>
      boardRows({
        month: '2026-04',
        now: new Date(iso),
        schedule,
        submissions: [],
        missingMarks: new Map(),
      })[0]?.status;
    expect(at('2026-04-05T15:59:59.999Z')).toBe('pending');
    expect(at('2026-04-05T16:00:00.000Z')).toBe('missing');
  });

  it('shows a department not expected that month when it pushed, and a refused file as not received', () => {
    const rows = boardRows({
      month: '2026-04',
      now: afterDue,
      schedule,
      submissions: [
        sub('education', '2026-04-02T00:00:00.000Z'),
        sub('emergency_management', '2026-04-02T00:00:00.000Z', { status: 'refused', counts: undefined }),
      ],
      missingMarks: new Map([['emergency_management', '2026-04-05T16:10:00.000Z']]),
    });
    expect(rows.map((r) => [r.department, r.expected, r.status, r.submissions, r.refused])).toEqual([
      ['medical_insurance', true, 'missing', 0, 0],
      ['civil_affairs', true, 'missing', 0, 0],
      ['emergency_management', true, 'missing', 1, 1],
      ['education', false, 'on_time', 1, 0],
    ]);
    expect(rows[2]?.markedMissingAt).toBe('2026-04-05T16:10:00.000Z');
  });

  it('a late push after being marked missing shows late and keeps the mark', () => {
    const rows = boardRows({
      month: '2026-04',
      now: new Date('2026-04-07T03:00:00.000Z'),
      schedule,
      submissions: [sub('civil_affairs', '2026-04-07T02:00:00.000Z')],
      missingMarks: new Map([['civil_affairs', '2026-04-05T16:10:00.000Z']]),
    });
    expect(rows.find((r) => r.department === 'civil_affairs')).toMatchObject({
      status: 'late',
      markedMissingAt: '2026-04-05T16:10:00.000Z',
    });
  });
});

describe('missingDepartments', () => {
  it('only expected departments past the due moment with nothing received', () => {
    expect(
      missingDepartments({
        month: '2026-03',
        now: new Date('2026-03-05T16:10:00.000Z'),
        schedule,
        submissions: [sub('civil_affairs', '2026-03-01T00:00:00.000Z')],
      }),
    ).toEqual(['medical_insurance', 'emergency_management', 'education']);
    expect(
      missingDepartments({
        month: '2026-03',
        now: new Date('2026-03-05T15:00:00.000Z'),
        schedule,
        submissions: [],
      }),
    ).toEqual([]);
  });

  it('alert text names the department and month in Chinese', () => {
    expect(missingSubmissionAlertText('education', '2026-03', 5)).toEqual({
      title: '教育局未按时报送转介数据（2026年3月）',
      detail: '教育局应于2026年3月5日前推送上月转介数据，截止时尚未收到任何提交。',
    });
  });
});

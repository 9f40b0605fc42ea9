import { describe, expect, it } from 'vitest';
import {
  checkMissingSubmissions,
  type CheckDeps,
} from '../../../shared/usecases/board/check-missing-submissions.ts';
import type { Alert } from '../../../shared/domain/alert.ts';
import type { BoardSubmission } from '../../../shared/domain/submission-board.ts';
import type { Department } from '../../../shared/auth/roles.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';

const fakes = (submissions: Record<string, BoardSubmission[]>) => {
  const marks = new Map<string, string>();
  const alerts = new Map<string, Alert>();
  const deps: CheckDeps = {
    listCounties: async () => ['420702000000', '420703000000'],
    configStore: { get: async (county, year) => yearConfigOf(county, year, {}) },
    boardStore: {
      monthSubmissions: async (county, month) => submissions[`${county}#${month}`] ?? [],
      missingMarks: async () => new Map(),
      markMissing: async (county, month, department, at) => {
        const key = `${county}#${month}#${department}`;
        if (marks.has(key)) return false;
        marks.set(key, at);
        return true;
      },
    },
    alertStore: {
      raise: async (alert) => {
        const key = `${alert.countyCode}#${alert.kind}#${alert.key}`;
        if (alerts.get(key)?.status === 'open') return false;
        alerts.set(key, alert);
        return true;
      },
      clear: async () => false,
      get: async () => undefined,
      listOpen: async () => ({ items: [] }),
    },
  };
  return { deps, marks, alerts };
};

const received = (department: Department): BoardSubmission => ({
  department,
  receivedAt: '2026-04-02T00:00:00.000Z',
  timeliness: 'on_time',
  status: 'done',
  counts: { accepted: 1, rejected: 0 },
});

describe('checkMissingSubmissions', () => {
  const the6th = new Date('2026-04-05T16:10:00.000Z');

  it('marks every county’s missing departments once and raises one alert each', async () => {
    const { deps, marks, alerts } = fakes({ '420702000000#2026-04': [received('medical_insurance')] });
    const first = await checkMissingSubmissions(deps, the6th);
    expect(first.month).toBe('2026-04');
    expect(first.counties).toBe(2);
    expect(first.missing).toEqual([
      { countyCode: '420702000000', department: 'civil_affairs' },
      { countyCode: '420702000000', department: 'emergency_management' },
      { countyCode: '420703000000', department: 'medical_insurance' },
      { countyCode: '420703000000', department: 'civil_affairs' },
      { countyCode: '420703000000', department: 'emergency_management' },
    ]);
    expect(first.alertsRaised).toBe(5);
    expect(marks.get('420702000000#2026-04#civil_affairs')).toBe('2026-04-05T16:10:00.000Z');
    const alert = alerts.get('420702000000#missing_submission#civil_affairs#2026-04');
    expect(alert).toMatchObject({
      scopeCode: '420702000000',
      status: 'open',
      title: '民政局未按时报送转介数据（2026年4月）',
      links: [{ type: 'submission_board', id: '2026-04' }],
    });
    const again = await checkMissingSubmissions(deps, the6th);
    expect(again.alertsRaised).toBe(0);
    expect(alerts.size).toBe(5);
  });

  it('expects education in March, and nobody before the due moment', async () => {
    const { deps } = fakes({});
    const march = await checkMissingSubmissions(deps, new Date('2026-03-05T16:10:00.000Z'));
    expect(march.missing.filter((m) => m.countyCode === '420702000000').map((m) => m.department)).toEqual([
      'medical_insurance',
      'civil_affairs',
      'emergency_management',
      'education',
    ]);
    const early = await checkMissingSubmissions(deps, new Date('2026-03-05T15:59:00.000Z'));
    expect(early.missing).toEqual([]);
  });
});

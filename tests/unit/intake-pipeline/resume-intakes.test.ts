import { describe, expect, it } from 'vitest';
import { resumeDecision } from '../../../shared/usecases/intake/resume-intakes.ts';
import { sumCounts } from '../../../shared/usecases/intake/summarize.ts';
import type { StoredSubmission } from '../../../shared/usecases/intake/ports.ts';

const base: StoredSubmission = {
  submissionId: 's',
  countyCode: '420702000000',
  department: 'medical_insurance',
  channel: 'api',
  period: '2026-02',
  dueMonth: '2026-03',
  receivedAt: '2026-03-04T00:00:00.000Z',
  timeliness: 'on_time',
  status: 'processing',
  contentHash: 'h',
  submittedBy: 'dept.medical',
  createdBy: 'u',
  updatedAt: '2026-03-04T00:00:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('resumeDecision', () => {
  it('resumes when the heartbeat is older than the threshold, waits otherwise', () => {
    const sub = { ...base, heartbeatAt: '2026-03-04T00:10:00.000Z' };
    expect(resumeDecision(sub, at('2026-03-04T00:19:59.000Z'), 600)).toBe('wait');
    expect(resumeDecision(sub, at('2026-03-04T00:20:00.000Z'), 600)).toBe('resume');
    expect(resumeDecision(sub, at('2026-03-04T00:10:00.000Z'), 0)).toBe('resume');
  });

  it('waits for an announced file to arrive, and gives up after a day', () => {
    const file = { ...base, channel: 'file' as const, status: 'received' as const };
    expect(resumeDecision(file, at('2026-03-04T23:00:00.000Z'), 0)).toBe('wait');
    expect(resumeDecision(file, at('2026-03-05T00:00:01.000Z'), 0)).toBe('give_up');
    expect(
      resumeDecision({ ...file, objectStoredAt: base.receivedAt }, at('2026-03-04T00:10:00.000Z'), 600),
    ).toBe('resume');
  });
});

describe('sumCounts', () => {
  it('adds the checkpoints of every chunk', () => {
    expect(
      sumCounts([
        { rows: 250, accepted: 200, rejected: 10, duplicates: 30, screenedOut: 10 },
        { rows: 3, accepted: 1, rejected: 1, duplicates: 0, screenedOut: 1 },
      ]),
    ).toEqual({ rows: 253, accepted: 201, rejected: 11, duplicates: 30, screenedOut: 11 });
  });
});

import { describe, expect, it } from 'vitest';
import { qualityRows } from '../../../shared/domain/verification/quality.ts';
import type { VerificationTask } from '../../../shared/domain/verification/task.ts';

const task = (adjuster: string, over: Partial<VerificationTask> = {}): VerificationTask => ({
  caseId: `c-${Math.random()}`,
  round: 1,
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  category: 'illness',
  insurerContract: 'PICC',
  adjuster,
  assignedBy: 'insurer.manager',
  assignedAt: '2026-10-01T00:00:00.000Z',
  deadline: '2026-10-11T00:00:00.000Z',
  state: 'submitted',
  submittedAt: '2026-10-05T00:00:00.000Z',
  history: [],
  version: 2,
  ...over,
});

describe('quality per adjuster and insurer', () => {
  it('counts verified, sampled, confirmed, discrepancies, the rate and overdue work', () => {
    const now = new Date('2026-11-01T00:00:00.000Z');
    const { adjusters, insurers } = qualityRows(
      [
        task('wang', { sampled: true, reinspection: 'confirmed' }),
        task('wang', { sampled: true, reinspection: 'discrepancy' }),
        task('wang', { sampled: true, reinspection: 'discrepancy', submittedAt: '2026-10-12T00:00:00.000Z' }),
        task('li'),
      ],
      [task('li', { state: 'open', submittedAt: undefined })],
      now,
    );
    expect(adjusters).toEqual([
      {
        insurerContract: 'PICC',
        adjuster: 'li',
        verified: 1,
        sampled: 0,
        reinspected: 0,
        confirmed: 0,
        discrepancy: 0,
        discrepancyRate: 0,
        overdue: 1,
      },
      {
        insurerContract: 'PICC',
        adjuster: 'wang',
        verified: 3,
        sampled: 3,
        reinspected: 3,
        confirmed: 1,
        discrepancy: 2,
        discrepancyRate: 0.6667,
        overdue: 1,
      },
    ]);
    expect(insurers).toEqual([
      {
        insurerContract: 'PICC',
        verified: 4,
        sampled: 3,
        reinspected: 3,
        confirmed: 1,
        discrepancy: 2,
        discrepancyRate: 0.6667,
        overdue: 2,
      },
    ]);
  });
});

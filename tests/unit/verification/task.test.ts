import { describe, expect, it } from 'vitest';
import {
  adjustersWhoVerified,
  deadlineOf,
  isOverdue,
  type VerificationTask,
} from '../../../shared/domain/verification/task.ts';

const task = (over: Partial<VerificationTask>): VerificationTask => ({
  caseId: 'c1',
  round: 1,
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  category: 'illness',
  insurerContract: 'PICC',
  adjuster: 'adjuster.wang',
  assignedBy: 'insurer.manager',
  assignedAt: '2026-10-01T02:00:00.000Z',
  deadline: '2026-10-11T02:00:00.000Z',
  state: 'open',
  history: [],
  version: 1,
  ...over,
});

describe('verification tasks', () => {
  it('has its deadline the configured number of days after assignment', () => {
    expect(deadlineOf(new Date('2026-10-01T02:00:00.000Z'), 10)).toBe('2026-10-11T02:00:00.000Z');
  });

  it('is overdue when open past the deadline, or submitted after it', () => {
    expect(isOverdue(task({}), new Date('2026-10-11T02:00:00.000Z'))).toBe(false);
    expect(isOverdue(task({}), new Date('2026-10-11T02:00:00.001Z'))).toBe(true);
    const late = task({ state: 'submitted', submittedAt: '2026-10-12T00:00:00.000Z' });
    expect(isOverdue(late, new Date('2026-10-01T00:00:00.000Z'))).toBe(true);
  });

  it('names the adjusters who submitted earlier rounds, not those a task was taken from', () => {
    const tasks = [
      task({
        state: 'submitted',
        adjuster: 'adjuster.li',
        history: [{ adjuster: 'adjuster.wang', assignedBy: 'm', assignedAt: 'x' }],
      }),
      task({ round: 2, adjuster: 'adjuster.zhang' }),
    ];
    expect([...adjustersWhoVerified(tasks, 2)]).toEqual(['adjuster.li']);
  });
});

/**
 * A verification task (核查任务): one per (case, round). The insurer manager assigns it to an
 * adjuster of its contract; the deadline is the assignment plus `verificationDeadlineDays`. A
 * reassignment keeps the task, records who had it, and restarts the deadline for the new adjuster.
 * Round 2 and later follow a re-inspection discrepancy and go to an adjuster who has not verified
 * the case before.
 */
import { z } from 'zod';
import { FundCategory } from '../fund-case.ts';

export const TASK_STATES = ['open', 'submitted'] as const;
export const REINSPECTION_OUTCOMES = ['confirmed', 'discrepancy'] as const;

export const TaskHistoryEntry = z.object({
  adjuster: z.string(),
  assignedBy: z.string(),
  assignedAt: z.string(),
  until: z.string().optional(),
  reason: z.string().optional(),
});

export const VerificationTask = z
  .object({
    caseId: z.string(),
    round: z.number().int().min(1),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    category: FundCategory,
    insurerContract: z.string(),
    adjuster: z.string().meta({ description: '核查员用户名' }),
    assignedBy: z.string(),
    assignedAt: z.string(),
    deadline: z.string().meta({ description: '截止时刻（ISO）' }),
    state: z.enum(TASK_STATES),
    submittedAt: z.string().optional(),
    resultVersion: z.number().int().optional(),
    /** Set by the sampling draw / the re-inspection. */
    planId: z.string().optional(),
    sampled: z.boolean().optional(),
    reinspection: z.enum(REINSPECTION_OUTCOMES).optional(),
    history: z.array(TaskHistoryEntry).default([]),
    version: z.number().int(),
  })
  .meta({ id: 'VerificationTask' });
export type VerificationTask = z.infer<typeof VerificationTask>;

const DAY_MS = 86_400_000;

export const deadlineOf = (assignedAt: Date, days: number): string =>
  new Date(assignedAt.getTime() + days * DAY_MS).toISOString();

/** Open past its deadline, or submitted after it. */
export const isOverdue = (task: Pick<VerificationTask, 'state' | 'deadline' | 'submittedAt'>, now: Date) =>
  task.state === 'open' ? now.toISOString() > task.deadline : (task.submittedAt ?? '') > task.deadline;

/** Every adjuster who verified the case in an earlier round (may not take it again). */
export const adjustersWhoVerified = (tasks: readonly VerificationTask[], round: number): Set<string> =>
  new Set(tasks.filter((t) => t.round < round && t.state === 'submitted').map((t) => t.adjuster));

/** Everyone recorded on a task: adjusters, assigners (separation of duties). */
export const peopleOnTask = (task: VerificationTask): string[] => [
  task.adjuster,
  task.assignedBy,
  ...task.history.flatMap((h) => [h.adjuster, h.assignedBy]),
];

export const overdueAlertKey = (caseId: string, round: number) => `${caseId}#${round}`;

/**
 * Assignment (SPEC §3.3): the insurer manager gives cases waiting for verification (or sent back
 * for re-verification) to an adjuster of its contract, one by one or in bulk, and moves a task that
 * is still open to another adjuster (recorded in the task's history and the audit). A case sent back
 * after a re-inspection discrepancy goes to an adjuster who has not verified it before.
 */
import {
  deadlineOf,
  adjustersWhoVerified,
  overdueAlertKey,
  type VerificationTask,
} from '../../domain/verification/task.ts';
import type { FundCase } from '../../domain/fund-case.ts';
import { Conflict, DomainError, NotFound } from '../../http/errors.ts';
import type { Caller } from '../fund-cases/ports.ts';
import { caseAudit, currentTask, fundYearOf, loadCase, movedCase } from './case-access.ts';
import type { VerificationDeps } from './ports.ts';

const ASSIGNABLE: readonly FundCase['status'][] = ['awaiting_verification', 'reverification'];

const verifiedBefore = (adjuster: string) =>
  new Conflict(
    `核查员 ${adjuster} 已核查过该案件，复核不符的案件须交由其他核查员重新核查`,
    'ADJUSTER_VERIFIED_BEFORE',
  );

const contractOf = (caller: Caller): string => {
  if (!caller.identity.insurerContract) throw new NotFound('未绑定保险合同');
  return caller.identity.insurerContract;
};

export const assignCase = async (
  deps: VerificationDeps,
  caller: Caller,
  caseId: string,
  adjuster: string,
): Promise<VerificationTask> => {
  // 1. The case, in the manager's county, waiting for an adjuster.
  const fundCase = await loadCase(deps, caller.identity, caseId);
  if (!ASSIGNABLE.includes(fundCase.status))
    throw new Conflict('该案件不在待核查状态，不能指派', 'CASE_NOT_AWAITING_VERIFICATION', {
      status: fundCase.status,
    });
  // 2. The next round, to someone who has not verified the case before.
  const round = (fundCase.verificationRound ?? 0) + 1;
  const tasks = await deps.verification.tasksOfCase(caseId);
  if (adjustersWhoVerified(tasks, round).has(adjuster)) throw verifiedBefore(adjuster);
  const config = await deps.config.get(fundCase.countyCode, fundYearOf(fundCase));
  const at = caller.now.toISOString();
  const task: VerificationTask = {
    caseId,
    round,
    countyCode: fundCase.countyCode,
    townCode: fundCase.townCode,
    villageCode: fundCase.villageCode,
    category: fundCase.category,
    insurerContract: contractOf(caller),
    adjuster,
    assignedBy: caller.identity.username,
    assignedAt: at,
    deadline: deadlineOf(caller.now, config.verificationDeadlineDays),
    state: 'open',
    history: [],
    version: 1,
  };
  // 3. Task, case and audit in one transaction.
  await deps.verification.write({
    tasks: [{ task }],
    caseMove: {
      next: movedCase(fundCase, caller.now, { status: 'in_verification', verificationRound: round }),
      expectedVersion: fundCase.version,
    },
    audit: caseAudit(
      deps,
      caller,
      fundCase,
      'verification.assigned',
      `指派核查员 ${adjuster}（第 ${round} 轮）`,
      {
        adjuster,
        round,
        deadline: task.deadline,
      },
    ),
  });
  return task;
};

export interface BulkOutcome {
  readonly assigned: VerificationTask[];
  readonly failed: { caseId: string; code: string; message: string }[];
}

/** Each case on its own: one that cannot be assigned is reported, the others go ahead. */
export const assignCases = async (
  deps: VerificationDeps,
  caller: Caller,
  caseIds: readonly string[],
  adjuster: string,
): Promise<BulkOutcome> => {
  const outcome: BulkOutcome = { assigned: [], failed: [] };
  for (const caseId of caseIds) {
    try {
      outcome.assigned.push(await assignCase(deps, caller, caseId, adjuster));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.failed.push({ caseId, code: error.code, message: error.message });
    }
  }
  return outcome;
};

export const reassignTask = async (
  deps: VerificationDeps,
  caller: Caller,
  caseId: string,
  request: { adjuster: string; reason: string },
): Promise<VerificationTask> => {
  const fundCase = await loadCase(deps, caller.identity, caseId);
  const tasks = await deps.verification.tasksOfCase(caseId);
  const task = currentTask(tasks, fundCase);
  if (!task || task.insurerContract !== caller.identity.insurerContract) throw new NotFound('核查任务不存在');
  if (task.state !== 'open' || fundCase.status !== 'in_verification')
    throw new Conflict('核查结果已提交，不能改派', 'TASK_SUBMITTED');
  if (task.adjuster === request.adjuster) throw new Conflict('改派对象与当前核查员相同', 'SAME_ADJUSTER');
  if (adjustersWhoVerified(tasks, task.round).has(request.adjuster)) throw verifiedBefore(request.adjuster);
  const config = await deps.config.get(fundCase.countyCode, fundYearOf(fundCase));
  const at = caller.now.toISOString();
  const next: VerificationTask = {
    ...task,
    adjuster: request.adjuster,
    assignedBy: caller.identity.username,
    assignedAt: at,
    deadline: deadlineOf(caller.now, config.verificationDeadlineDays),
    history: [
      ...task.history,
      {
        adjuster: task.adjuster,
        assignedBy: task.assignedBy,
        assignedAt: task.assignedAt,
        until: at,
        reason: request.reason,
      },
    ],
    version: task.version + 1,
  };
  await deps.verification.write({
    tasks: [{ task: next, expectedVersion: task.version }],
    audit: caseAudit(
      deps,
      caller,
      fundCase,
      'verification.reassigned',
      `核查任务由 ${task.adjuster} 改派给 ${request.adjuster}：${request.reason}`,
      { from: task.adjuster, to: request.adjuster, round: task.round, reason: request.reason },
    ),
  });
  await deps.alerts.clear(
    fundCase.countyCode,
    'verification_overdue',
    overdueAlertKey(caseId, task.round),
    at,
  );
  return next;
};

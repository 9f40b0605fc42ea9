/**
 * Reading verification work in scope: the manager's queue of cases waiting for an adjuster and the
 * workload per adjuster; the tasks (an adjuster: own only); a case's verification file (tasks with
 * their history, every result version, re-inspections) with names and IDs masked.
 */
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import type { FundCategory } from '../../domain/fund-case.ts';
import { maskName, maskResidentId } from '../../domain/mask.ts';
import type { VerificationResult } from '../../domain/verification/result.ts';
import { isOverdue, type VerificationTask } from '../../domain/verification/task.ts';
import { NotFound } from '../../http/errors.ts';
import type { PageRequest } from '../registry/ports.ts';
import { maskCase } from '../fund-cases/case-view.ts';
import { assertOwnTask, currentTask, loadCase } from './case-access.ts';
import type { VerificationDeps } from './ports.ts';

const DAY_MS = 86_400_000;
const INSURER_ROLES = new Set(['insurer_manager', 'insurer_adjuster']);

export const taskView = (task: VerificationTask, now: Date) => ({ ...task, overdue: isOverdue(task, now) });

export const listQueue = async (
  deps: VerificationDeps,
  identity: Identity,
  filter: { status: 'awaiting_verification' | 'reverification'; townCode?: string; category?: FundCategory },
  page: PageRequest,
  now: Date,
) => {
  const found = await deps.cases.list(
    { regionCode: narrowRegion(identity, filter.townCode), status: filter.status, category: filter.category },
    page,
  );
  return {
    items: found.items.map((c) => ({
      ...maskCase(c),
      ageDays: Math.floor((now.getTime() - Date.parse(c.createdAt)) / DAY_MS),
    })),
    nextCursor: found.nextCursor,
  };
};

const contractOf = (identity: Identity) => {
  if (!identity.insurerContract) throw new NotFound('未绑定保险合同');
  return identity.insurerContract;
};

export const listTasks = async (
  deps: VerificationDeps,
  identity: Identity,
  filter: { state?: 'open' | 'submitted'; adjuster?: string },
  now: Date,
) => {
  const contract = contractOf(identity);
  const adjuster = identity.role === 'insurer_adjuster' ? identity.username : filter.adjuster;
  const tasks = adjuster
    ? await deps.verification.tasksOfAdjuster(contract, adjuster, filter.state)
    : await deps.verification.tasksOfContract(contract, filter.state);
  return {
    items: tasks
      .filter((t) => t.countyCode === identity.countyCode)
      .sort((a, b) => (a.deadline < b.deadline ? -1 : 1))
      .map((t) => taskView(t, now)),
  };
};

export const workload = async (deps: VerificationDeps, identity: Identity, now: Date) => {
  const tasks = (await deps.verification.tasksOfContract(contractOf(identity), 'open')).filter(
    (t) => t.countyCode === identity.countyCode,
  );
  const byAdjuster = new Map<string, { adjuster: string; open: number; overdue: number }>();
  for (const t of tasks) {
    const row = byAdjuster.get(t.adjuster) ?? { adjuster: t.adjuster, open: 0, overdue: 0 };
    row.open += 1;
    if (isOverdue(t, now)) row.overdue += 1;
    byAdjuster.set(t.adjuster, row);
  }
  return { items: [...byAdjuster.values()].sort((a, b) => (a.adjuster < b.adjuster ? -1 : 1)) };
};

const maskResult = (r: VerificationResult) => ({
  ...r,
  input: {
    ...r.input,
    membersFound: r.input.membersFound.map((m) => ({
      ...m,
      name: maskName(m.name),
      residentId: maskResidentId(m.residentId),
    })),
  },
});

export const getVerificationFile = async (
  deps: VerificationDeps,
  identity: Identity,
  caseId: string,
  now: Date,
) => {
  const fundCase = await loadCase(deps, identity, caseId);
  const tasks = await deps.verification.tasksOfCase(caseId);
  if (INSURER_ROLES.has(identity.role)) assertOwnTask(identity, currentTask(tasks, fundCase));
  const [results, reinspections] = await Promise.all([
    deps.verification.resultsOfCase(caseId),
    deps.verification.reinspectionsOfCase(caseId),
  ]);
  return {
    fundCase: maskCase(fundCase),
    tasks: tasks.map((t) => taskView(t, now)),
    results: results.map(maskResult),
    reinspections,
  };
};

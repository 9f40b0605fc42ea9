/**
 * Loading a case and its verification records for a caller (SPEC §1 scope): the insurer's roles
 * see their county's cases, an adjuster only the case of a task they hold (another's → 404);
 * county staff and the auditor their county; a town or village its area. Out of scope is NotFound.
 */
import type { Identity } from '../../auth/identity.ts';
import { assertInsurerContract, assertRegionScope } from '../../auth/authorize.ts';
import type { FundCase } from '../../domain/fund-case.ts';
import type { VerificationTask } from '../../domain/verification/task.ts';
import { NotFound } from '../../http/errors.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Caller } from '../fund-cases/ports.ts';
import type { VerificationDeps } from './ports.ts';

export const loadCase = async (deps: VerificationDeps, identity: Identity, caseId: string) => {
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound('案件不存在或不在您的管辖范围内');
  assertRegionScope(identity, found.fundCase.villageCode);
  return found.fundCase;
};

export const currentTask = (tasks: readonly VerificationTask[], fundCase: FundCase) =>
  tasks.find((t) => t.round === fundCase.verificationRound);

/** An adjuster may act on (and read) only the task they hold now. */
export const assertOwnTask = (identity: Identity, task: VerificationTask | undefined): VerificationTask => {
  if (!task) throw new NotFound('核查任务不存在或不属于您');
  assertInsurerContract(identity, task.insurerContract);
  if (identity.role === 'insurer_adjuster' && task.adjuster !== identity.username)
    throw new NotFound('核查任务不存在或不属于您');
  return task;
};

export const caseAudit = (
  deps: { readonly newId: () => string },
  caller: Caller,
  fundCase: FundCase,
  action: string,
  summary: string,
  details: Record<string, unknown>,
) =>
  fundAuditItems({
    auditId: deps.newId(),
    at: caller.now.toISOString(),
    identity: caller.identity,
    action,
    entityType: 'fundCase',
    entityId: fundCase.caseId,
    countyCode: fundCase.countyCode,
    villageCode: fundCase.villageCode,
    householdId: fundCase.householdId,
    summary,
    details,
    requestId: caller.requestId,
  });

/** The case one step on: status and bookkeeping, version + 1. */
export const movedCase = (fundCase: FundCase, now: Date, changes: Partial<FundCase>): FundCase => ({
  ...fundCase,
  ...changes,
  updatedAt: now.toISOString(),
  version: fundCase.version + 1,
});

/** The fund year a case belongs to: the year of its event. */
export const fundYearOf = (fundCase: Pick<FundCase, 'eventDate'>) => Number(fundCase.eventDate.slice(0, 4));

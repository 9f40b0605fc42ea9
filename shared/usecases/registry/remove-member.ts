/**
 * A member leaves (death, moving away, marriage…): 1. in scope, at the read version; 2. the head
 * rule; 3. the record stays, marked left; the resident-ID claim is released, so the person can be
 * registered in another household later; written with the audit record.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import { diffHouseholds } from '../../domain/audit-diff.ts';
import { assertVersion } from '../../domain/household.ts';
import { leaveMember } from '../../domain/household-members.ts';
import type { Household, MemberLeaveReason } from '../../domain/household-schema.ts';
import { contextsFor, loadInScope, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export interface LeaveRequest {
  readonly version: number;
  readonly reason: MemberLeaveReason;
  readonly note?: string;
}

export const removeMember = async (
  deps: RegistryDeps,
  caller: Caller,
  householdId: string,
  memberId: string,
  request: LeaveRequest,
): Promise<Household> => {
  const current = await loadInScope(deps, caller.identity, householdId);
  assertVersion(current, request.version);
  const ctx = contextsFor(deps, caller);
  const { household, member } = leaveMember(current, memberId, request.reason, request.note, ctx.change);
  await deps.households.save({
    households: [{ household, expectedVersion: current.version, before: current }],
    claims: [{ kind: 'release', householdId, member }],
    audit: [
      auditEntry(
        ctx.audit,
        household,
        'member.left',
        auditSummary.memberLeft(member),
        diffHouseholds(current, household),
      ),
    ],
  });
  return household;
};

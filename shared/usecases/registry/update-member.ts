/**
 * Update a member's A5–A22 fields, or name them head: 1. in scope, at the read version;
 * 2. the head rule; 3. nothing changed → nothing written; else write with the audit record.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import { changedFieldLabels, diffHouseholds, isEmptyDiff } from '../../domain/audit-diff.ts';
import { assertVersion } from '../../domain/household.ts';
import { updateMember as updateMemberRule } from '../../domain/household-members.ts';
import type { Household, MemberUpdate, Relation } from '../../domain/household-schema.ts';
import { contextsFor, loadInScope, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export interface MemberUpdateRequest {
  readonly version: number;
  readonly changes: MemberUpdate;
  readonly formerHeadRelation: Exclude<Relation, 'head'>;
}

export const updateMember = async (
  deps: RegistryDeps,
  caller: Caller,
  householdId: string,
  memberId: string,
  request: MemberUpdateRequest,
): Promise<Household> => {
  const current = await loadInScope(deps, caller.identity, householdId);
  assertVersion(current, request.version);
  const ctx = contextsFor(deps, caller);
  const { household, member } = updateMemberRule(
    current,
    memberId,
    request.changes,
    request.formerHeadRelation,
    ctx.change,
  );
  const diff = diffHouseholds(current, household);
  if (isEmptyDiff(diff)) return current;
  await deps.households.save({
    households: [{ household, expectedVersion: current.version, before: current }],
    claims: [],
    audit: [
      auditEntry(
        ctx.audit,
        household,
        'member.updated',
        auditSummary.memberUpdated(member, changedFieldLabels(diff)),
        diff,
      ),
    ],
  });
  return household;
};

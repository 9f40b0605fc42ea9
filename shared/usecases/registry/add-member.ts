/**
 * Add a member (birth, marriage, moving in from outside the registry): 1. in scope, at the read
 * version; 2. the head and duplicate rules; 3. write with the member's ID claim and the audit record.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import { diffHouseholds } from '../../domain/audit-diff.ts';
import { assertVersion } from '../../domain/household.ts';
import { addMember as addMemberRule } from '../../domain/household-members.ts';
import type { Household, MemberInput } from '../../domain/household-schema.ts';
import { contextsFor, loadInScope, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export const addMember = async (
  deps: RegistryDeps,
  caller: Caller,
  householdId: string,
  version: number,
  input: MemberInput,
): Promise<Household> => {
  const current = await loadInScope(deps, caller.identity, householdId);
  assertVersion(current, version);
  const ctx = contextsFor(deps, caller);
  const { household, member } = addMemberRule(current, input, ctx.change);
  await deps.households.save({
    households: [{ household, expectedVersion: current.version, before: current }],
    claims: [{ kind: 'claim', householdId, member }],
    audit: [
      auditEntry(
        ctx.audit,
        household,
        'member.added',
        auditSummary.memberAdded(member),
        diffHouseholds(current, household),
      ),
    ],
  });
  return household;
};

/**
 * Move a member to another household of the registry (分户, marriage): 1. both households in the
 * caller's scope, each at the version the caller read; 2. the head rules on both sides; 3. one
 * transaction: both households (version-checked), the resident-ID claim re-pointed from the source
 * to the target, and an audit record for each household.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import { diffHouseholds } from '../../domain/audit-diff.ts';
import { assertVersion } from '../../domain/household.ts';
import { moveMember as moveMemberRule } from '../../domain/household-members.ts';
import type { Household, Relation } from '../../domain/household-schema.ts';
import { ValidationFailed } from '../../http/errors.ts';
import { contextsFor, loadInScope, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export interface MoveRequest {
  readonly version: number;
  readonly targetHouseholdId: string;
  readonly targetVersion: number;
  readonly relation: Relation;
  readonly reason: string;
}

export const moveMember = async (
  deps: RegistryDeps,
  caller: Caller,
  householdId: string,
  memberId: string,
  request: MoveRequest,
): Promise<Household> => {
  if (request.targetHouseholdId === householdId)
    throw new ValidationFailed([{ path: 'body.targetHouseholdId', message: '迁入户不能与迁出户相同' }]);
  const source = await loadInScope(deps, caller.identity, householdId);
  const target = await loadInScope(
    deps,
    caller.identity,
    request.targetHouseholdId,
    '迁入户不存在或不在您的管辖范围内',
  );
  assertVersion(source, request.version);
  assertVersion(target, request.targetVersion);
  const ctx = contextsFor(deps, caller);
  const moved = moveMemberRule(source, target, memberId, request.relation, request.reason, ctx.change);
  await deps.households.save({
    households: [
      { household: moved.source, expectedVersion: source.version, before: source },
      { household: moved.target, expectedVersion: target.version, before: target },
    ],
    claims: [
      {
        kind: 'repoint',
        fromHouseholdId: source.householdId,
        householdId: target.householdId,
        member: moved.joined,
      },
    ],
    audit: [
      auditEntry(
        ctx.audit,
        moved.source,
        'member.moved_out',
        auditSummary.movedOut(moved.left, request.reason),
        diffHouseholds(source, moved.source),
      ),
      auditEntry(
        ctx.audit,
        moved.target,
        'member.moved_in',
        auditSummary.movedIn(moved.joined, request.reason),
        diffHouseholds(target, moved.target),
      ),
    ],
  });
  return moved.target;
};

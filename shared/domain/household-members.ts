/**
 * Member changes (SPEC §2, A5–A22): add, update, leave, move. Pure: each returns the new
 * household(s) and the resident-ID claim to take or release; the store writes them atomically.
 *
 * Rules:
 * - a member is never deleted or overwritten: leaving or moving marks the record `left` with
 *   `leftAt`, `leftReason` and a note; a move creates a new active record in the target household;
 * - exactly one active head: the head cannot leave or move while other members remain; name a new
 *   head first (update another member's relation to `head`; the former head takes
 *   `formerHeadRelation`). The last member, the head, may leave: the household then has no one;
 * - the resident ID is not editable; a correction is a leave (`other`) and a new member.
 */
import { Conflict, NotFound } from '../http/errors.ts';
import type {
  Household,
  LeftReason,
  Member,
  MemberInput,
  MemberUpdate,
  Relation,
} from './household-schema.ts';
import { activeHeadOf, activeMembers, claimIdOf, newMember, stamp, type ChangeContext } from './household.ts';
import { maskName, maskResidentId } from './mask.ts';

export const MEMBER_ERRORS = {
  headExists: 'HEAD_EXISTS',
  headRequired: 'HEAD_REQUIRED',
  headMustBeReplaced: 'HEAD_MUST_BE_REPLACED',
  notActive: 'MEMBER_NOT_ACTIVE',
  residentIdTaken: 'RESIDENT_ID_TAKEN',
} as const;

export const residentIdTaken = (member: Pick<Member, 'name' | 'idNumber'>, where: 'here' | 'elsewhere') =>
  new Conflict(
    `成员 ${maskName(member.name)}（${maskResidentId(member.idNumber)}）${
      where === 'here' ? '已是本户成员' : '已登记在其他农户，同一证件号码只能属于一户'
    }`,
    MEMBER_ERRORS.residentIdTaken,
  );

const activeMember = (household: Household, memberId: string): Member => {
  const member = household.members.find((m) => m.memberId === memberId);
  if (!member) throw new NotFound('家庭成员不存在');
  if (member.status !== 'active')
    throw new Conflict('该成员已减员或迁出，不能再修改', MEMBER_ERRORS.notActive);
  return member;
};

/** A member joining `household` with `relation`: checks the head rule and duplicate IDs. */
const assertCanJoin = (
  household: Household,
  joining: Pick<Member, 'name' | 'idNumber'>,
  relation: Relation,
) => {
  if (activeMembers(household).some((m) => claimIdOf(m) === claimIdOf(joining)))
    throw residentIdTaken(joining, 'here');
  const head = activeHeadOf(household);
  if (relation === 'head' && head)
    throw new Conflict('该户已有户主；如需更换户主，请修改成员与户主关系', MEMBER_ERRORS.headExists);
  if (relation !== 'head' && !head)
    throw new Conflict('该户当前没有户主，新成员须登记为户主', MEMBER_ERRORS.headRequired);
};

const assertCanGo = (household: Household, member: Member) => {
  if (member.relation === 'head' && activeMembers(household).length > 1)
    throw new Conflict('户主不能直接减员或迁出，请先指定新户主', MEMBER_ERRORS.headMustBeReplaced);
};

const replace = (members: Member[], updated: Member): Member[] =>
  members.map((m) => (m.memberId === updated.memberId ? updated : m));

export interface MemberChange {
  readonly household: Household;
  readonly member: Member;
}

export const addMember = (household: Household, input: MemberInput, ctx: ChangeContext): MemberChange => {
  assertCanJoin(household, input, input.relation);
  const member: Member = newMember(input, ctx);
  return { household: stamp(household, [...household.members, member], ctx), member };
};

/**
 * Updates an active member. Setting `relation: 'head'` on another member makes them the head and
 * gives the former head `formerHeadRelation`; the head's own relation cannot be changed away.
 */
export const updateMember = (
  household: Household,
  memberId: string,
  changes: MemberUpdate,
  formerHeadRelation: Exclude<Relation, 'head'>,
  ctx: ChangeContext,
): MemberChange => {
  const member = activeMember(household, memberId);
  const fields = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const updated: Member = { ...member, ...fields };
  let members = replace(household.members, updated);
  if (member.relation === 'head' && updated.relation !== 'head')
    throw new Conflict('户主的关系不能直接修改，请把另一名成员设为户主', MEMBER_ERRORS.headMustBeReplaced);
  if (member.relation !== 'head' && updated.relation === 'head') {
    const formerHead = activeHeadOf(household);
    if (formerHead) members = replace(members, { ...formerHead, relation: formerHeadRelation });
  }
  return { household: stamp(household, members, ctx), member: updated };
};

const leftRecord = (member: Member, reason: LeftReason, note: string | undefined, ctx: ChangeContext) => ({
  ...member,
  status: 'left' as const,
  leftAt: ctx.now,
  leftReason: reason,
  ...(note ? { leftNote: note } : {}),
});

/** The member leaves (death, moving out of the registry, marriage…): kept as `left`; the ID claim is released. */
export const leaveMember = (
  household: Household,
  memberId: string,
  reason: Exclude<LeftReason, 'moved'>,
  note: string | undefined,
  ctx: ChangeContext,
): MemberChange => {
  const member = activeMember(household, memberId);
  assertCanGo(household, member);
  const left: Member = leftRecord(member, reason, note, ctx);
  return { household: stamp(household, replace(household.members, left), ctx), member: left };
};

export interface MoveResult {
  readonly source: Household;
  readonly target: Household;
  /** The record left behind in the source household. */
  readonly left: Member;
  /** The new record in the target household. */
  readonly joined: Member;
}

/** Moves a member between two households of the registry: left in the source, a new record in the target. */
export const moveMember = (
  source: Household,
  target: Household,
  memberId: string,
  relation: Relation,
  reason: string,
  ctx: ChangeContext,
): MoveResult => {
  const member = activeMember(source, memberId);
  assertCanGo(source, member);
  assertCanJoin(target, member, relation);
  const left: Member = {
    ...leftRecord(member, 'moved', reason, ctx),
    movedToHouseholdId: target.householdId,
  };
  const { memberId: _id, status: _s, joinedAt: _j, movedFromHouseholdId: _f, ...person } = member;
  const joined: Member = {
    ...newMember({ ...person, relation }, ctx),
    movedFromHouseholdId: source.householdId,
  };
  return {
    source: stamp(source, replace(source.members, left), ctx),
    target: stamp(target, [...target.members, joined], ctx),
    left,
    joined,
  };
};

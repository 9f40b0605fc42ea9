/**
 * Household rules with no I/O (SPEC §2): building a household from its input, applying an update,
 * and the head invariant. Member changes are in `household-members.ts`.
 *
 * Invariant: a household with active members has exactly one active head (户主). A household whose
 * last member has left has none; it stays in the registry with its history.
 */
import type { Household, HouseholdInput, HouseholdUpdate, Member } from './household-schema.ts';
import { countyOf, townOf } from './region.ts';
import { Conflict } from '../http/errors.ts';

/** Who changes what, and when: the clock and the id source are passed in, never read here. */
export interface ChangeContext {
  /** ISO 8601 instant of the change. */
  readonly now: string;
  /** Username of the person making the change. */
  readonly actor: string;
  readonly newId: () => string;
}

/** The resident ID a member is claimed by: the 18-character ID (a disability certificate starts with it). */
export const claimIdOf = (member: Pick<Member, 'idNumber'>): string => member.idNumber.slice(0, 18);

export const activeMembers = (household: Pick<Household, 'members'>): Member[] =>
  household.members.filter((m) => m.status === 'active');

export const activeHeadOf = (household: Pick<Household, 'members'>): Member | undefined =>
  household.members.find((m) => m.status === 'active' && m.relation === 'head');

/** Recomputes what follows from the members (head name) and stamps the change. */
export const stamp = (household: Household, members: Member[], ctx: ChangeContext): Household => ({
  ...household,
  members,
  headName: activeHeadOf({ members })?.name ?? household.headName,
  version: household.version + 1,
  updatedAt: ctx.now,
  updatedBy: ctx.actor,
});

export const newMember = (input: Omit<Member, 'memberId' | 'status' | 'joinedAt'>, ctx: ChangeContext) => ({
  ...input,
  memberId: ctx.newId(),
  status: 'active' as const,
  joinedAt: ctx.now,
});

/** A new household at version 1; the input has been validated (one head, no duplicate IDs). */
export const buildHousehold = (input: HouseholdInput, ctx: ChangeContext): Household => {
  const members: Member[] = input.members.map((m) => newMember(m, ctx));
  const head = activeHeadOf({ members });
  return {
    householdId: ctx.newId(),
    countyCode: countyOf(input.villageCode),
    townCode: townOf(input.villageCode),
    villageCode: input.villageCode,
    group: input.group,
    address: input.address,
    ...(input.phone ? { phone: input.phone } : {}),
    type: input.type,
    relocationSite: input.relocationSite,
    headName: head?.name ?? '',
    members,
    version: 1,
    createdAt: ctx.now,
    createdBy: ctx.actor,
    updatedAt: ctx.now,
    updatedBy: ctx.actor,
  };
};

/** Applies the fields present in the update; `phone: null` removes the phone. */
export const applyHouseholdUpdate = (
  household: Household,
  update: Omit<HouseholdUpdate, 'version'>,
  ctx: ChangeContext,
): Household => {
  const { phone, ...rest } = update;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const next: Household = { ...household, ...fields };
  if (phone === null) delete next.phone;
  else if (phone !== undefined) next.phone = phone;
  return stamp(next, next.members, ctx);
};

export const STALE_VERSION = 'STALE_VERSION';

/** Optimistic concurrency: the caller's version is not the stored one. */
export const staleVersion = (currentVersion: number) =>
  new Conflict(`该农户已被他人修改（当前版本 ${currentVersion}），请刷新后重试`, STALE_VERSION, {
    currentVersion,
  });

export const assertVersion = (household: Household, expected: number): void => {
  if (household.version !== expected) throw staleVersion(household.version);
};

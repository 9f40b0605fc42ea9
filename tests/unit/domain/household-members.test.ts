import { describe, expect, it } from 'vitest';
import { HouseholdInput, MemberInput } from '../../../shared/domain/household-schema.ts';
import type { Household } from '../../../shared/domain/household-schema.ts';
import { activeHeadOf, buildHousehold } from '../../../shared/domain/household.ts';
import {
  addMember,
  leaveMember,
  moveMember,
  updateMember,
} from '../../../shared/domain/household-members.ts';
import { Conflict, NotFound } from '../../../shared/http/errors.ts';
import { fixedContext } from '../../support/change-context.ts';
import { householdBody, memberBody } from '../../support/household-input.ts';

const LATER = '2026-04-01T00:00:00.000Z';
const family = (): Household => buildHousehold(HouseholdInput.parse(householdBody()), fixedContext());
const single = (): Household =>
  buildHousehold(
    HouseholdInput.parse(householdBody({ members: [memberBody({ name: '赵老汉' })] })),
    fixedContext(),
  );
const memberAt = (household: Household, index: number) => {
  const member = household.members[index];
  if (!member) throw new Error(`no member ${index}`);
  return member;
};

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof Conflict ? error.code : error instanceof NotFound ? 'NOT_FOUND' : 'OTHER';
  }
};

describe('addMember', () => {
  it('adds an active member and bumps the version', () => {
    const household = family();
    const { household: next, member } = addMember(
      household,
      MemberInput.parse(memberBody({ name: '张小弟', relation: 'son' })),
      fixedContext(LATER),
    );
    expect(next.members).toHaveLength(4);
    expect(member).toMatchObject({ name: '张小弟', status: 'active', joinedAt: LATER });
    expect(next.version).toBe(2);
  });

  it('refuses a second head', () => {
    const input = MemberInput.parse(memberBody({ relation: 'head' }));
    expect(codeOf(() => addMember(family(), input, fixedContext()))).toBe('HEAD_EXISTS');
  });

  it('refuses an ID already active in the household', () => {
    const household = family();
    const input = MemberInput.parse(
      memberBody({ relation: 'son', idNumber: memberAt(household, 2).idNumber }),
    );
    expect(codeOf(() => addMember(household, input, fixedContext()))).toBe('RESIDENT_ID_TAKEN');
  });
});

describe('updateMember', () => {
  it('changes the given fields of one member', () => {
    const household = family();
    const spouse = memberAt(household, 1);
    const { household: next } = updateMember(
      household,
      spouse.memberId,
      { health: 'serious_illness', labour: 'weak' },
      'other',
      fixedContext(LATER),
    );
    expect(memberAt(next, 1)).toMatchObject({ health: 'serious_illness', labour: 'weak', name: '李四娘' });
    expect(memberAt(next, 0)).toEqual(memberAt(household, 0));
  });

  it('names a new head: the former head takes the given relation, the head name follows', () => {
    const household = family();
    const spouse = memberAt(household, 1);
    const { household: next } = updateMember(
      household,
      spouse.memberId,
      { relation: 'head' },
      'spouse',
      fixedContext(LATER),
    );
    expect(activeHeadOf(next)?.memberId).toBe(spouse.memberId);
    expect(memberAt(next, 0).relation).toBe('spouse');
    expect(next.headName).toBe('李四娘');
    expect(next.members.filter((m) => m.relation === 'head')).toHaveLength(1);
  });

  it('does not let the head change away from head, or a left member change', () => {
    const household = family();
    const head = memberAt(household, 0);
    expect(
      codeOf(() => updateMember(household, head.memberId, { relation: 'son' }, 'other', fixedContext())),
    ).toBe('HEAD_MUST_BE_REPLACED');
    const { household: after } = leaveMember(
      household,
      memberAt(household, 2).memberId,
      'deceased',
      undefined,
      fixedContext(),
    );
    expect(
      codeOf(() =>
        updateMember(after, memberAt(after, 2).memberId, { health: 'healthy' }, 'other', fixedContext()),
      ),
    ).toBe('MEMBER_NOT_ACTIVE');
  });

  it('answers NotFound for an unknown member', () => {
    expect(codeOf(() => updateMember(family(), 'nobody', {}, 'other', fixedContext()))).toBe('NOT_FOUND');
  });
});

describe('leaveMember', () => {
  it('keeps the record, marked left with time, reason and note', () => {
    const household = family();
    const daughter = memberAt(household, 2);
    const { household: next, member } = leaveMember(
      household,
      daughter.memberId,
      'married_out',
      '嫁到邻村',
      fixedContext(LATER),
    );
    expect(next.members).toHaveLength(3);
    expect(member).toMatchObject({
      memberId: daughter.memberId,
      idNumber: daughter.idNumber,
      status: 'left',
      leftAt: LATER,
      leftReason: 'married_out',
      leftNote: '嫁到邻村',
    });
  });

  it('does not let the head leave while others remain', () => {
    const household = family();
    expect(
      codeOf(() =>
        leaveMember(household, memberAt(household, 0).memberId, 'deceased', undefined, fixedContext()),
      ),
    ).toBe('HEAD_MUST_BE_REPLACED');
  });

  it('lets the last member, the head, leave', () => {
    const household = single();
    const { household: next } = leaveMember(
      household,
      memberAt(household, 0).memberId,
      'deceased',
      undefined,
      fixedContext(),
    );
    expect(activeHeadOf(next)).toBeUndefined();
    expect(next.headName).toBe('赵老汉');
  });
});

describe('moveMember', () => {
  it('leaves the record in the source and creates a new one in the target', () => {
    const source = family();
    const target = single();
    const daughter = memberAt(source, 2);
    const result = moveMember(
      source,
      target,
      daughter.memberId,
      'daughter_in_law',
      '婚嫁',
      fixedContext(LATER),
    );
    expect(result.left).toMatchObject({
      memberId: daughter.memberId,
      status: 'left',
      leftReason: 'moved',
      leftNote: '婚嫁',
      movedToHouseholdId: target.householdId,
    });
    expect(result.joined).toMatchObject({
      name: daughter.name,
      idNumber: daughter.idNumber,
      relation: 'daughter_in_law',
      status: 'active',
      joinedAt: LATER,
      movedFromHouseholdId: source.householdId,
      schooling: 'junior',
    });
    expect(result.joined.memberId).not.toBe(daughter.memberId);
    expect(result.source.version).toBe(2);
    expect(result.target.version).toBe(2);
    expect(result.target.members).toHaveLength(2);
  });

  it('applies the head rules on both sides', () => {
    const source = family();
    const target = single();
    expect(
      codeOf(() => moveMember(source, target, memberAt(source, 0).memberId, 'son', '分户', fixedContext())),
    ).toBe('HEAD_MUST_BE_REPLACED');
    expect(
      codeOf(() => moveMember(source, target, memberAt(source, 2).memberId, 'head', '分户', fixedContext())),
    ).toBe('HEAD_EXISTS');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HouseholdInput, MemberInput } from '../../../shared/domain/household-schema.ts';
import { applyHouseholdUpdate, buildHousehold } from '../../../shared/domain/household.ts';
import { addMember, leaveMember } from '../../../shared/domain/household-members.ts';
import {
  changedFieldLabels,
  diffHouseholds,
  isEmptyDiff,
  maskAuditValues,
} from '../../../shared/domain/audit-diff.ts';
import { fixedContext } from '../../support/change-context.ts';
import { householdBody, memberBody } from '../../support/household-input.ts';

const household = buildHousehold(HouseholdInput.parse(householdBody()), fixedContext());
const daughterId = household.members[2]?.memberId ?? '';

describe('audit diff', () => {
  it('keeps only the changed fields, not the bookkeeping', () => {
    const after = applyHouseholdUpdate(
      household,
      { address: '新地址', phone: '13900001111' },
      fixedContext(),
    );
    expect(diffHouseholds(household, after)).toEqual({
      before: { address: '太和村三组12号', phone: '13812345678' },
      after: { address: '新地址', phone: '13900001111' },
    });
  });

  it('records a member leaving field by field under its member id', () => {
    const { household: after } = leaveMember(
      household,
      daughterId,
      'deceased',
      undefined,
      fixedContext('2026-05-01T00:00:00.000Z'),
    );
    expect(diffHouseholds(household, after)).toEqual({
      before: { [`members.${daughterId}.status`]: 'active' },
      after: {
        [`members.${daughterId}.status`]: 'left',
        [`members.${daughterId}.leftAt`]: '2026-05-01T00:00:00.000Z',
        [`members.${daughterId}.leftReason`]: 'deceased',
      },
    });
  });

  it('records a new household as every field after, nothing before', () => {
    const diff = diffHouseholds(undefined, household);
    expect(diff.before).toEqual({});
    expect(diff.after).toMatchObject({ headName: '张三丰', villageCode: '420702100201' });
    expect(Object.keys(diff.after).filter((path) => path.endsWith('.idNumber'))).toHaveLength(3);
  });

  it('names the changed fields in Chinese', () => {
    const { household: after, member } = addMember(
      household,
      MemberInput.parse(memberBody({ relation: 'son' })),
      fixedContext(),
    );
    expect(changedFieldLabels(diffHouseholds(household, after))).toContain('姓名');
    expect(diffHouseholds(household, after).after[`members.${member.memberId}.name`]).toBe('张三丰');
  });

  it('masks names, IDs and phones for readers', () => {
    const id = household.members[0]?.idNumber ?? '';
    expect(
      maskAuditValues({
        headName: '张三丰',
        [`members.x.idNumber`]: id,
        phone: '13812345678',
        address: '太和村',
      }),
    ).toEqual({
      headName: '张**',
      'members.x.idNumber': `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phone: '138****5678',
      address: '太和村',
    });
  });

  it('property: a household compared with itself has no diff; any address change shows in it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (address) => {
        expect(isEmptyDiff(diffHouseholds(household, household))).toBe(true);
        const after = applyHouseholdUpdate(household, { address }, fixedContext());
        const diff = diffHouseholds(household, after);
        if (address === household.address) expect(isEmptyDiff(diff)).toBe(true);
        else expect(diff).toEqual({ before: { address: household.address }, after: { address } });
      }),
    );
  });
});

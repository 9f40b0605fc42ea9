import { describe, expect, it } from 'vitest';
import { HouseholdInput } from '../../../shared/domain/household-schema.ts';
import { householdBody, memberBody } from '../../support/household-input.ts';
import { disabilityCertificate, residentIdWithX, withWrongCheckDigit } from '../../support/resident-ids.ts';

const issues = (body: unknown) => {
  const result = HouseholdInput.safeParse(body);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('HouseholdInput', () => {
  it('accepts a family with a lower-case x ID and normalises it', () => {
    const id = residentIdWithX();
    const parsed = HouseholdInput.parse(
      householdBody({ members: [memberBody({ idNumber: id.toLowerCase() })] }),
    );
    expect(parsed.members[0]?.idNumber).toBe(id);
    expect(parsed.members[0]?.idType).toBe('resident_id');
  });

  it('names the member and field of a wrong check digit, in Chinese', () => {
    const body = householdBody();
    const bad = withWrongCheckDigit(body.members[1]?.idNumber ?? '');
    const found = issues({ ...body, members: [body.members[0], { ...body.members[1], idNumber: bad }] });
    expect(found).toEqual([{ path: 'members.1.idNumber', message: '身份证号码校验位不正确' }]);
  });

  it('accepts a disability certificate number where the ID is absent', () => {
    const body = householdBody({
      members: [memberBody({ idType: 'disability_certificate', idNumber: disabilityCertificate() })],
    });
    expect(issues(body)).toEqual([]);
  });

  it('requires exactly one head', () => {
    const twoHeads = householdBody({ members: [memberBody(), memberBody()] });
    expect(issues(twoHeads)).toContainEqual({ path: 'members', message: '家庭成员中应有且仅有一名户主' });
    const noHead = householdBody({ members: [memberBody({ relation: 'son' })] });
    expect(issues(noHead)).toContainEqual({ path: 'members', message: '家庭成员中应有且仅有一名户主' });
  });

  it('rejects the same ID twice in one household', () => {
    const head = memberBody();
    const body = householdBody({ members: [head, memberBody({ relation: 'son', idNumber: head.idNumber })] });
    expect(issues(body)).toContainEqual({ path: 'members.1.idNumber', message: '与第1名成员证件号码重复' });
  });

  it('rejects a town code where a village is needed', () => {
    expect(issues(householdBody({ villageCode: '420702100000' }))).toContainEqual({
      path: 'villageCode',
      message: '应为村级区划代码',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { HouseholdInput } from '../../../shared/domain/household-schema.ts';
import { applyHouseholdUpdate, buildHousehold } from '../../../shared/domain/household.ts';
import { householdSummary, maskHousehold } from '../../../shared/domain/household-view.ts';
import { fixedContext } from '../../support/change-context.ts';
import { householdBody, memberBody } from '../../support/household-input.ts';

const parse = (body: unknown) => HouseholdInput.parse(body);

describe('buildHousehold', () => {
  it('derives county and town from the village code and the head name from the head', () => {
    const input = parse(householdBody({ villageCode: '420702101202' }));
    const household = buildHousehold(input, fixedContext());
    expect(household.countyCode).toBe('420702000000');
    expect(household.townCode).toBe('420702101000');
    expect(household.villageCode).toBe('420702101202');
    expect(household.headName).toBe('张三丰');
    expect(household.version).toBe(1);
    expect(household.createdBy).toBe('village.taihe');
    expect(household.members.map((m) => m.status)).toEqual(['active', 'active', 'active']);
    expect(household.members.every((m) => m.joinedAt === '2026-03-01T02:00:00.000Z')).toBe(true);
  });

  it('gives the household and every member its own id', () => {
    const household = buildHousehold(parse(householdBody()), fixedContext());
    const ids = [household.householdId, ...household.members.map((m) => m.memberId)];
    expect(new Set(ids).size).toBe(4);
  });

  it('takes the head from its relation, not its position', () => {
    const input = parse(
      householdBody({
        members: [
          memberBody({ name: '王小二', relation: 'son' }),
          memberBody({ name: '王大', relation: 'head' }),
        ],
      }),
    );
    expect(buildHousehold(input, fixedContext()).headName).toBe('王大');
  });

  it('fills the A9–A22 defaults', () => {
    const household = buildHousehold(parse(householdBody()), fixedContext());
    const head = household.members[0];
    expect(head).toMatchObject({
      ethnicity: '汉族',
      health: 'healthy',
      labour: 'general',
      medicalInsurance: true,
    });
    expect(household.relocationSite).toBe(false);
  });
});

describe('applyHouseholdUpdate', () => {
  const household = buildHousehold(parse(householdBody()), fixedContext());

  it('changes only the given fields and bumps the version', () => {
    const later = fixedContext('2026-03-02T00:00:00.000Z', 'county.staff');
    const updated = applyHouseholdUpdate(household, { address: '太和村三组15号', type: 'monitored' }, later);
    expect(updated.address).toBe('太和村三组15号');
    expect(updated.type).toBe('monitored');
    expect(updated.group).toBe('三组');
    expect(updated.phone).toBe('13812345678');
    expect(updated.version).toBe(2);
    expect(updated.updatedBy).toBe('county.staff');
    expect(updated.updatedAt).toBe('2026-03-02T00:00:00.000Z');
    expect(updated.createdAt).toBe(household.createdAt);
  });

  it('removes the phone on null', () => {
    const updated = applyHouseholdUpdate(household, { phone: null }, fixedContext());
    expect(updated).not.toHaveProperty('phone');
  });
});

describe('masked view', () => {
  const household = buildHousehold(parse(householdBody()), fixedContext());
  const headId = household.members[0]?.idNumber ?? '';

  it('masks names, IDs and the phone of every member', () => {
    const masked = maskHousehold(household);
    expect(masked.headName).toBe('张**');
    expect(masked.phone).toBe('138****5678');
    expect(masked.members.map((m) => m.name)).toEqual(['张**', '李**', '张**']);
    expect(masked.members[0]?.idNumber).toBe(`${headId.slice(0, 4)}**********${headId.slice(-4)}`);
    expect(JSON.stringify(masked)).not.toContain(headId);
    expect(JSON.stringify(masked)).not.toContain('三丰');
  });

  it('lists the masked head name and head ID and the number of active members', () => {
    expect(householdSummary(household)).toEqual({
      householdId: household.householdId,
      villageCode: '420702100201',
      townCode: '420702100000',
      group: '三组',
      type: 'general',
      headName: '张**',
      headIdNumber: `${headId.slice(0, 4)}**********${headId.slice(-4)}`,
      memberCount: 3,
      version: 1,
      updatedAt: household.updatedAt,
    });
  });
});

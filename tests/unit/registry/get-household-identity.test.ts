import { describe, expect, it, vi } from 'vitest';
import { HouseholdInput } from '../../../shared/domain/household-schema.ts';
import { buildHousehold } from '../../../shared/domain/household.ts';
import { getHouseholdIdentity } from '../../../shared/usecases/registry/get-household-identity.ts';
import type { AuditStore, HouseholdStore, RegistryDeps } from '../../../shared/usecases/registry/ports.ts';
import type { Identity } from '../../../shared/auth/identity.ts';
import { NotFound } from '../../../shared/http/errors.ts';
import { fixedContext } from '../../support/change-context.ts';
import { householdBody } from '../../support/household-input.ts';

const household = buildHousehold(HouseholdInput.parse(householdBody()), fixedContext());

const countyStaff: Identity = {
  userId: 'u1',
  username: 'county.staff',
  role: 'county_staff',
  countyCode: '420702000000',
};

const depsWith = (recordPersonalDataRead: AuditStore['recordPersonalDataRead']): RegistryDeps => ({
  households: { get: async () => household } as unknown as HouseholdStore,
  audit: { recordPersonalDataRead } as unknown as AuditStore,
  now: () => new Date('2026-03-01T00:00:00Z'),
  newId: () => 'audit-1',
});

describe('reading full identity data', () => {
  it('records who read which household before answering', async () => {
    const record = vi.fn(async () => undefined);
    const result = await getHouseholdIdentity(
      depsWith(record),
      { identity: countyStaff, requestId: 'r1' },
      'h',
    );
    expect(result.members[0]?.idNumber).toBe(household.members[0]?.idNumber);
    expect(record).toHaveBeenCalledWith({
      auditId: 'audit-1',
      at: '2026-03-01T00:00:00.000Z',
      actor: { userId: 'u1', username: 'county.staff', role: 'county_staff' },
      action: 'identity.read',
      entityType: 'household',
      entityId: household.householdId,
      countyCode: '420702000000',
      villageCode: household.villageCode,
      summary: '查看完整身份信息：户主 张**',
      requestId: 'r1',
    });
  });

  it('fails, returning nothing, when the audit record cannot be written', async () => {
    const failing = vi.fn(async () => {
      throw new Error('audit table unavailable');
    });
    await expect(getHouseholdIdentity(depsWith(failing), { identity: countyStaff }, 'h')).rejects.toThrow(
      'audit table unavailable',
    );
  });

  it('records nothing for a household out of scope', async () => {
    const record = vi.fn(async () => undefined);
    const other: Identity = { ...countyStaff, countyCode: '420703000000' };
    await expect(getHouseholdIdentity(depsWith(record), { identity: other }, 'h')).rejects.toBeInstanceOf(
      NotFound,
    );
    expect(record).not.toHaveBeenCalled();
  });
});

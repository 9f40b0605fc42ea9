/**
 * Create a household: 1. the village must be in the caller's region (404 otherwise) and exist;
 * 2. build it; 3. write it with one resident-ID claim per member and its audit record, atomically.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import { diffHouseholds } from '../../domain/audit-diff.ts';
import { buildHousehold } from '../../domain/household.ts';
import type { Household, HouseholdInput } from '../../domain/household-schema.ts';
import { assertRegionScope } from '../../auth/authorize.ts';
import { ValidationFailed } from '../../http/errors.ts';
import { contextsFor, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export const createHousehold = async (
  deps: RegistryDeps,
  caller: Caller,
  input: HouseholdInput,
): Promise<Household> => {
  assertRegionScope(caller.identity, input.villageCode);
  const ctx = contextsFor(deps, caller);
  const household = buildHousehold(input, ctx.change);
  await deps.households.save({
    village: {
      code: household.villageCode,
      unknown: new ValidationFailed([{ path: 'body.villageCode', message: '该村级区划代码不存在' }]),
    },
    households: [{ household }],
    claims: household.members.map((member) => ({
      kind: 'claim',
      householdId: household.householdId,
      member,
    })),
    audit: [
      auditEntry(
        ctx.audit,
        household,
        'household.created',
        auditSummary.created(household),
        diffHouseholds(undefined, household),
      ),
    ],
  });
  return household;
};

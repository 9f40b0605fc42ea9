/**
 * Read one household's full identity data (names, resident IDs, phone): 1. in scope;
 * 2. record the read in the audit trail; 3. only then return it. When the record cannot be
 * written, the read fails.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import type { Household } from '../../domain/household-schema.ts';
import { contextsFor, loadInScope, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export const getHouseholdIdentity = async (
  deps: RegistryDeps,
  caller: Caller,
  householdId: string,
): Promise<Household> => {
  const household = await loadInScope(deps, caller.identity, householdId);
  const ctx = contextsFor(deps, caller);
  await deps.audit.recordPersonalDataRead(
    auditEntry(ctx.audit, household, 'identity.read', auditSummary.identityRead(household)),
  );
  return household;
};

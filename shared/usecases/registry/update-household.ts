/**
 * Update a household's own fields: 1. in scope, at the version the caller read; 2. apply;
 * 3. nothing changed → nothing written; else write it (version-checked) with its audit record.
 */
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import { changedFieldLabels, diffHouseholds, isEmptyDiff } from '../../domain/audit-diff.ts';
import { applyHouseholdUpdate, assertVersion } from '../../domain/household.ts';
import type { Household, HouseholdUpdate } from '../../domain/household-schema.ts';
import { contextsFor, loadInScope, type Caller } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export const updateHousehold = async (
  deps: RegistryDeps,
  caller: Caller,
  householdId: string,
  update: HouseholdUpdate,
): Promise<Household> => {
  const current = await loadInScope(deps, caller.identity, householdId);
  const { version, ...changes } = update;
  assertVersion(current, version);
  const ctx = contextsFor(deps, caller);
  const next = applyHouseholdUpdate(current, changes, ctx.change);
  const diff = diffHouseholds(current, next);
  if (isEmptyDiff(diff)) return current;
  await deps.households.save({
    households: [{ household: next, expectedVersion: current.version, before: current }],
    claims: [],
    audit: [
      auditEntry(ctx.audit, next, 'household.updated', auditSummary.updated(changedFieldLabels(diff)), diff),
    ],
  });
  return next;
};

/** A household's audit trail, oldest first, with names, IDs and phones masked. */
import { auditView } from '../../domain/audit.ts';
import type { Identity } from '../../auth/identity.ts';
import { loadInScope } from './context.ts';
import type { PageRequest, RegistryDeps } from './ports.ts';

export const getHouseholdHistory = async (
  deps: RegistryDeps,
  identity: Identity,
  householdId: string,
  page: PageRequest,
) => {
  await loadInScope(deps, identity, householdId);
  const result = await deps.audit.history(householdId, page);
  return { items: result.items.map(auditView), nextCursor: result.nextCursor };
};

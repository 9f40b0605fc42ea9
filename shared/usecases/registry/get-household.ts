/** Read one household, masked. */
import type { Household } from '../../domain/household-schema.ts';
import { maskHousehold } from '../../domain/household-view.ts';
import type { Identity } from '../../auth/identity.ts';
import { loadInScope } from './context.ts';
import type { RegistryDeps } from './ports.ts';

export const getHousehold = async (
  deps: RegistryDeps,
  identity: Identity,
  householdId: string,
): Promise<Household> => maskHousehold(await loadInScope(deps, identity, householdId));

/** What every registry use case starts with: who and when, and the household if it is in scope. */
import type { AuditContext } from '../../domain/audit.ts';
import type { ChangeContext } from '../../domain/household.ts';
import type { Household } from '../../domain/household-schema.ts';
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope } from '../../auth/authorize.ts';
import { NotFound } from '../../http/errors.ts';
import type { RegistryDeps } from './ports.ts';

export interface Caller {
  readonly identity: Identity;
  readonly requestId?: string;
}

export interface Contexts {
  readonly change: ChangeContext;
  readonly audit: AuditContext;
}

export const contextsFor = (deps: RegistryDeps, caller: Caller): Contexts => {
  const now = deps.now().toISOString();
  const { userId, username, role } = caller.identity;
  return {
    change: { now, actor: username, newId: deps.newId },
    audit: { now, actor: { userId, username, role }, newId: deps.newId, requestId: caller.requestId },
  };
};

/** The household, or NotFound when it does not exist or lies outside the caller's region. */
export const loadInScope = async (
  deps: RegistryDeps,
  identity: Identity,
  householdId: string,
  notFoundMessage?: string,
): Promise<Household> => {
  const household = await deps.households.get(householdId);
  if (!household) throw new NotFound(notFoundMessage);
  try {
    assertRegionScope(identity, household.villageCode);
  } catch {
    throw new NotFound(notFoundMessage);
  }
  return household;
};

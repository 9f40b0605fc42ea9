/**
 * Department machine clients (OAuth client credentials, SPEC §3.1 pushes). Each client is one
 * confidential app client of the user pool, registered for one department of one county. It is
 * allowed two scopes of the resource server `fangpinbao`: `referrals.push` and its own
 * `department.<countyCode>.<department>`; Cognito grants a client only its allowed scopes, so the
 * pre-token-generation trigger reads the department and county from the granted scope, checked
 * against the list CDK passes it in `FPB_DEPARTMENT_CLIENTS`. (Keyed by scope, not by client id: a
 * client id in the trigger's environment would make user pool → trigger → client → user pool a
 * CloudFormation dependency cycle.)
 */
import { z } from 'zod';
import { DEPARTMENTS } from './roles.ts';
import type { DepartmentClientScope } from './identity.ts';

export const RESOURCE_SERVER_ID = 'fangpinbao';
export const PUSH_SCOPE = 'referrals.push';
export const DEPARTMENT_CLIENTS_ENV = 'FPB_DEPARTMENT_CLIENTS';

export const DepartmentClientList = z.array(
  z.object({ department: z.enum(DEPARTMENTS), countyCode: z.string().regex(/^\d{6}000000$/) }),
);

/** The scope name (without the resource server) that says which department and county. */
export const departmentScopeName = (client: DepartmentClientScope): string =>
  `department.${client.countyCode}.${client.department}`;

/** Full scope strings as they appear in a token's `scope` claim. */
export const fullScope = (name: string): string => `${RESOURCE_SERVER_ID}/${name}`;

export const departmentClientScopes = (client: DepartmentClientScope): string[] => [
  fullScope(PUSH_SCOPE),
  fullScope(departmentScopeName(client)),
];

/**
 * The registered client the granted scopes name: it must hold the push scope and exactly one
 * registered department scope; anything else is undefined (no token).
 */
export const departmentClientOf = (
  scopes: readonly string[],
  registered: readonly DepartmentClientScope[],
): DepartmentClientScope | undefined => {
  if (!scopes.includes(fullScope(PUSH_SCOPE))) return undefined;
  const matches = registered.filter((c) => scopes.includes(fullScope(departmentScopeName(c))));
  return matches.length === 1 ? matches[0] : undefined;
};

/** The list CDK passes the trigger (JSON); a missing or malformed list registers nobody. */
export const registeredDepartmentClients = (json: string | undefined): DepartmentClientScope[] => {
  if (!json) return [];
  const parsed = DepartmentClientList.safeParse(JSON.parse(json));
  if (!parsed.success)
    throw new Error(`${DEPARTMENT_CLIENTS_ENV} is not a list of { department, countyCode }`);
  return parsed.data;
};

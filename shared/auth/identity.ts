/**
 * Who is calling, as the JWT authorizer (Cognito on AWS, the local issuer on a laptop) hands it
 * to the handler in `requestContext.authorizer.jwt.claims`. The scope claims are put into the
 * access token by the pre-token-generation trigger (`functions/auth/pre-token-generation.ts`).
 */
import { z } from 'zod';
import { DEPARTMENTS, isRole, type Department, type Role } from './roles.ts';

/** Custom claim names carried in the access token. */
export const SCOPE_CLAIMS = {
  county: 'fpb:county',
  town: 'fpb:town',
  village: 'fpb:village',
  department: 'fpb:department',
  insurer: 'fpb:insurer',
} as const;

export interface Identity {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  /** 12-digit statistical division codes (SPEC §2); the county is always set. */
  readonly countyCode: string;
  readonly townCode?: string;
  readonly villageCode?: string;
  readonly department?: Department;
  /** Insurer contract id, for insurer roles. */
  readonly insurerContract?: string;
}

/** The user attributes a scope is derived from (Cognito custom attributes, or the demo seed). */
export interface ScopeAttributes {
  readonly countyCode: string;
  readonly townCode?: string;
  readonly villageCode?: string;
  readonly department?: Department;
  readonly insurerContract?: string;
}

/**
 * A department's machine client (OAuth client credentials): its access token has no
 * `cognito:groups`; the trigger adds `fpb:role=department` with the department and county the
 * client was registered for. Only the department role can come this way.
 */
export const ROLE_CLAIM = 'fpb:role';

export interface DepartmentClientScope {
  readonly department: Department;
  readonly countyCode: string;
}

/** The claims the pre-token-generation trigger adds to a department client's access token. */
export const departmentClientClaims = (client: DepartmentClientScope): Record<string, string> => ({
  [ROLE_CLAIM]: 'department',
  [SCOPE_CLAIMS.department]: client.department,
  [SCOPE_CLAIMS.county]: client.countyCode,
});

/** The claims the pre-token-generation trigger adds to the access token. */
export const scopeClaims = (scope: ScopeAttributes): Record<string, string> => {
  const claims: Record<string, string> = { [SCOPE_CLAIMS.county]: scope.countyCode };
  if (scope.townCode) claims[SCOPE_CLAIMS.town] = scope.townCode;
  if (scope.villageCode) claims[SCOPE_CLAIMS.village] = scope.villageCode;
  if (scope.department) claims[SCOPE_CLAIMS.department] = scope.department;
  if (scope.insurerContract) claims[SCOPE_CLAIMS.insurer] = scope.insurerContract;
  return claims;
};

const regionCode = z.string().regex(/^\d{12}$/);

const claimsSchema = z.object({
  sub: z.string().min(1),
  username: z.string().min(1).optional(),
  'cognito:username': z.string().min(1).optional(),
  'cognito:groups': z.union([z.string(), z.array(z.string())]),
  [SCOPE_CLAIMS.county]: regionCode,
  [SCOPE_CLAIMS.town]: regionCode.optional(),
  [SCOPE_CLAIMS.village]: regionCode.optional(),
  [SCOPE_CLAIMS.department]: z.enum(DEPARTMENTS).optional(),
  [SCOPE_CLAIMS.insurer]: z.string().min(1).optional(),
});

/** API Gateway HTTP APIs flatten array claims to `[a b c]`; accept both forms. */
const groupsOf = (value: string | string[]): string[] =>
  Array.isArray(value)
    ? value
    : value
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean);

const clientClaimsSchema = z.object({
  sub: z.string().min(1),
  client_id: z.string().min(1),
  [ROLE_CLAIM]: z.literal('department'),
  [SCOPE_CLAIMS.county]: regionCode,
  [SCOPE_CLAIMS.department]: z.enum(DEPARTMENTS),
});

const clientIdentity = (claims: unknown): Identity | undefined => {
  const parsed = clientClaimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    userId: c.sub,
    username: `client:${c.client_id}`,
    role: 'department',
    countyCode: c[SCOPE_CLAIMS.county],
    department: c[SCOPE_CLAIMS.department],
  };
};

const hasGroups = (claims: unknown): boolean =>
  typeof claims === 'object' && claims !== null && 'cognito:groups' in claims;

/**
 * Returns the identity, or undefined when the claims do not describe a usable user. A token with
 * `cognito:groups` is a user's; one without is a department client's (only `fpb:role=department`).
 */
export const identityFromClaims = (claims: unknown): Identity | undefined => {
  if (!hasGroups(claims)) return clientIdentity(claims);
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const role = groupsOf(c['cognito:groups']).find(isRole);
  if (!role) return undefined;
  return {
    userId: c.sub,
    username: c.username ?? c['cognito:username'] ?? c.sub,
    role,
    countyCode: c[SCOPE_CLAIMS.county],
    townCode: c[SCOPE_CLAIMS.town],
    villageCode: c[SCOPE_CLAIMS.village],
    department: c[SCOPE_CLAIMS.department],
    insurerContract: c[SCOPE_CLAIMS.insurer],
  };
};

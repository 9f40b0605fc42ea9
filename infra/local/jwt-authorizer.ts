/**
 * The gateway's JWT authorizer, checking what API Gateway's HTTP API JWT authorizer checks:
 * an RS256 signature by a key of the issuer's JWKS, `iss`, `exp` (required) / `nbf` / `iat`,
 * and the audience — `aud` when the token has one, otherwise the `client_id` claim of a
 * Cognito access token — against the configured audiences.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';

export type AuthorizerResult =
  { readonly ok: true; readonly claims: JWTPayload } | { readonly ok: false; readonly reason: string };

export interface JwtAuthorizerConfig {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly jwks: JSONWebKeySet;
}

const deny = (reason: string): AuthorizerResult => ({ ok: false, reason });

/** The token from the identity source `$request.header.Authorization` (with or without `Bearer`). */
export const bearerToken = (header: string | undefined): string | undefined => {
  const value = header?.trim();
  if (!value) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value);
  return (match?.[1] ?? value).trim() || undefined;
};

export const createJwtAuthorizer = (config: JwtAuthorizerConfig) => {
  const keySet = createLocalJWKSet(config.jwks);
  return async (authorization: string | undefined): Promise<AuthorizerResult> => {
    const token = bearerToken(authorization);
    if (!token) return deny('no token');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keySet, {
        issuer: config.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      return deny(error instanceof Error ? error.message : 'invalid token');
    }
    if (typeof claims.iat === 'number' && claims.iat > Math.floor(Date.now() / 1000))
      return deny('token issued in the future');
    if (claims.aud !== undefined) {
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!audiences.some((aud) => config.audiences.includes(aud))) return deny('audience not allowed');
    } else if (typeof claims.client_id !== 'string' || !config.audiences.includes(claims.client_id)) {
      return deny('client_id not allowed');
    }
    return { ok: true, claims };
  };
};

/**
 * API Gateway HTTP APIs hand every claim to the handler as a string; arrays become
 * `[a b c]` (so `cognito:groups` arrives as `"[county_staff]"`).
 */
export const flattenClaims = (claims: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [
      name,
      Array.isArray(value)
        ? `[${value.map(String).join(' ')}]`
        : typeof value === 'object' && value !== null
          ? JSON.stringify(value)
          : String(value),
    ]),
  );

export const scopesOf = (claims: JWTPayload): string[] =>
  typeof claims.scope === 'string' ? claims.scope.split(/\s+/).filter(Boolean) : [];

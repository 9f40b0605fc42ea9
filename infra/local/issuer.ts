/**
 * The local stand-in for the Cognito user pool as far as tokens go: an RS256 key pair created
 * once and kept under `<dataDir>/issuer/`, its JWKS (served by the gateway under
 * `/local-issuer/.well-known/jwks.json`), and access tokens carrying the claims Cognito puts in
 * one — including the scope claims from `scopeClaims()`, the function the pre-token-generation
 * trigger uses on AWS.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { departmentClientClaims, scopeClaims } from '../../shared/auth/identity.ts';
import { departmentClientScopes } from '../../shared/auth/department-clients.ts';
import type { DemoDepartmentClient, DemoUser } from './demo-county.ts';

/** The app client id; the gateway's authorizer expects it as the audience (`client_id`). */
export const LOCAL_AUDIENCE = 'fpb-local-web';
export const ISSUER_PATH = '/local-issuer';
export const DEFAULT_TOKEN_SECONDS = 3600;

const PRIVATE_KEY_FILE = 'signing-key.private.jwk.json';
const INFO_FILE = 'issuer.json';

export interface IssuerKeys {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly jwks: JSONWebKeySet;
}

const publicPart = ({ kty, n, e }: JWK, kid: string): JWK => ({ kty, n, e, kid, alg: 'RS256', use: 'sig' });

const readKeys = async (keyDir: string): Promise<IssuerKeys> => {
  const privateJwk = JSON.parse(await readFile(join(keyDir, PRIVATE_KEY_FILE), 'utf8')) as JWK;
  const kid = privateJwk.kid ?? 'local';
  return { kid, privateJwk, jwks: { keys: [publicPart(privateJwk, kid)] } };
};

/** Reads the key pair from `keyDir`, creating it on first use. */
export const loadOrCreateIssuerKeys = async (keyDir: string): Promise<IssuerKeys> => {
  try {
    return await readKeys(keyDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(keyDir, { recursive: true });
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const kid = `local-${randomUUID().slice(0, 8)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  try {
    await writeFile(join(keyDir, PRIVATE_KEY_FILE), JSON.stringify(privateJwk, null, 2), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeys(keyDir);
};

export interface IssuerInfo {
  readonly issuer: string;
  readonly audience: string;
}

/** The running gateway records its issuer URL so `npm run token` signs for the right one. */
export const writeIssuerInfo = async (keyDir: string, info: IssuerInfo): Promise<void> => {
  await mkdir(keyDir, { recursive: true });
  await writeFile(join(keyDir, INFO_FILE), JSON.stringify(info, null, 2));
};

export const readIssuerInfo = async (keyDir: string): Promise<IssuerInfo | undefined> => {
  try {
    return JSON.parse(await readFile(join(keyDir, INFO_FILE), 'utf8')) as IssuerInfo;
  } catch {
    return undefined;
  }
};

export const issuerUrl = (gatewayUrl: string): string => `${gatewayUrl}${ISSUER_PATH}`;

export interface SignOptions {
  readonly expiresInSeconds?: number;
  /** `client_id` claim; defaults to the issuer's audience (a different one proves the check). */
  readonly audience?: string;
  /** Clock for the token (tests: an expired token is one signed in the past). */
  readonly now?: Date;
}

export interface LocalIssuer extends IssuerInfo {
  readonly keyDir: string;
  readonly jwks: JSONWebKeySet;
  signAccessToken(user: DemoUser, options?: SignOptions): Promise<string>;
  /**
   * A client-credentials access token for a department client, as Cognito issues it with the V3
   * trigger: no `cognito:groups`, no username; `sub` and `client_id` are the client id.
   */
  signClientToken(client: DemoDepartmentClient, options?: Omit<SignOptions, 'audience'>): Promise<string>;
}

export const createIssuer = async (options: {
  readonly keyDir: string;
  readonly issuer: string;
  readonly audience?: string;
}): Promise<LocalIssuer> => {
  const keys = await loadOrCreateIssuerKeys(options.keyDir);
  const signingKey = await importJWK(keys.privateJwk, 'RS256');
  const audience = options.audience ?? LOCAL_AUDIENCE;
  return {
    issuer: options.issuer,
    audience,
    keyDir: options.keyDir,
    jwks: keys.jwks,
    async signAccessToken(user, sign = {}) {
      const now = Math.floor((sign.now ?? new Date()).getTime() / 1000);
      const jti = randomUUID();
      return new SignJWT({
        'cognito:groups': [user.role],
        ...scopeClaims(user.scope),
        version: 2,
        client_id: sign.audience ?? audience,
        origin_jti: randomUUID(),
        event_id: randomUUID(),
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        auth_time: now,
        username: user.username,
      })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
        .setSubject(user.userId)
        .setIssuer(options.issuer)
        .setIssuedAt(now)
        .setExpirationTime(now + (sign.expiresInSeconds ?? DEFAULT_TOKEN_SECONDS))
        .setJti(jti)
        .sign(signingKey);
    },
    async signClientToken(client, sign = {}) {
      const now = Math.floor((sign.now ?? new Date()).getTime() / 1000);
      return new SignJWT({
        ...departmentClientClaims(client),
        version: 2,
        client_id: client.clientId,
        token_use: 'access',
        scope: departmentClientScopes(client).join(' '),
        auth_time: now,
      })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
        .setSubject(client.clientId)
        .setIssuer(options.issuer)
        .setIssuedAt(now)
        .setExpirationTime(now + (sign.expiresInSeconds ?? DEFAULT_TOKEN_SECONDS))
        .setJti(randomUUID())
        .sign(signingKey);
    },
  };
};

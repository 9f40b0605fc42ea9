/**
 * Users of a county of a test's own (a made-up county code with its own regions, so the figures are
 * the test's alone): their JWT claims, for a handler called in the worker, and clients that call the
 * gateway with a token signed by the local issuer — optionally at an injected time (`x-fpb-now`) —
 * and put uploads through their presigned URLs.
 */
import { createHash } from 'node:crypto';
import { expect, inject } from 'vitest';
import { createIssuer, type LocalIssuer } from '../../../infra/local/issuer.ts';
import type { DemoUser } from '../../../infra/local/demo-county.ts';
import { scopeClaims, type ScopeAttributes } from '../../../shared/auth/identity.ts';
import type { Role } from '../../../shared/auth/roles.ts';
import { waitFor } from '../../support/wait-for.ts';
import { api, type ApiResult } from './api.ts';
import { PDF_BYTES } from './uploads.ts';
import './context.ts';

export type UserScope = Omit<ScopeAttributes, 'countyCode'>;

let issuer: Promise<LocalIssuer> | undefined;
const localIssuer = (): Promise<LocalIssuer> => {
  const { keyDir, issuer: name, audience } = inject('localRuntime').issuer;
  return (issuer ??= createIssuer({ keyDir, issuer: name, audience }));
};

export interface CountyClient {
  get(path: string): Promise<ApiResult>;
  post(path: string, body?: unknown): Promise<ApiResult>;
  put(path: string, body: unknown): Promise<ApiResult>;
  patch(path: string, body: unknown): Promise<ApiResult>;
  /** The same user, every request sent at `now`. */
  at(now: string): CountyClient;
  /** An upload of `kind` owned by `ownerId`, put and stored; answers its id. */
  upload(kind: string, ownerId: string): Promise<string>;
}

const clientOf = (token: string, now?: string): CountyClient => {
  const send = (method: string, path: string, body?: unknown) =>
    api(undefined, { token }).raw(method, path, {
      headers: {
        ...(now ? { 'x-fpb-now': now } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const client: CountyClient = {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body ?? {}),
    put: (path, body) => send('PUT', path, body),
    patch: (path, body) => send('PATCH', path, body),
    at: (later) => clientOf(token, later),
    async upload(kind, ownerId) {
      const ticket = await client.post('/uploads', {
        kind,
        ownerId,
        fileName: '材料.pdf',
        contentType: 'application/pdf',
        size: Buffer.byteLength(PDF_BYTES),
      });
      expect(ticket.status).toBe(201);
      const uploadId = ticket.body.uploadId as string;
      const put = await fetch(ticket.body.url, {
        method: 'PUT',
        headers: ticket.body.headers,
        body: PDF_BYTES,
      });
      expect(put.status).toBe(200);
      await waitFor(
        async () => ((await client.get(`/uploads/${uploadId}`)).body.status === 'stored' ? true : undefined),
        { timeoutMs: 10_000, what: `${kind} upload stored` },
      );
      return uploadId;
    },
  };
  return client;
};

export const countyUsers = (countyCode: string) => {
  const userOf = (role: Role, scope: UserScope = {}): DemoUser => {
    const where =
      scope.villageCode ?? scope.townCode ?? scope.department ?? scope.insurerContract ?? countyCode;
    const username = `${role}.${where}`;
    const digest = createHash('sha256').update(username).digest('hex');
    return {
      username,
      userId: `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`,
      role,
      displayName: '测试用户',
      scope: { countyCode, ...scope },
    };
  };
  return {
    user: userOf,
    /** The verified claims a handler sees (API Gateway's JWT authorizer). */
    claims: (role: Role, scope: UserScope = {}): Record<string, string> => {
      const user = userOf(role, scope);
      return {
        sub: user.userId,
        username: user.username,
        'cognito:groups': role,
        ...scopeClaims(user.scope),
      };
    },
    client: async (role: Role, scope: UserScope = {}): Promise<CountyClient> =>
      clientOf(await (await localIssuer()).signAccessToken(userOf(role, scope))),
  };
};

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, toHttpResponse } from '../../../infra/local/gateway.ts';
import { createRouteMatcher } from '../../../infra/local/route-matcher.ts';
import { bearerToken, createJwtAuthorizer, flattenClaims } from '../../../infra/local/jwt-authorizer.ts';
import { createIssuer, type LocalIssuer } from '../../../infra/local/issuer.ts';
import { demoUser } from '../../../infra/local/demo-county.ts';
import { identityFromClaims } from '../../../shared/auth/identity.ts';
import { declaration } from '../../../shared/platform/declaration.ts';

describe('route matching as API Gateway selects routes', () => {
  const match = createRouteMatcher([
    { method: 'GET', path: '/households/{householdId}' },
    { method: 'GET', path: '/households/search' },
    { method: 'GET', path: '/files/{proxy+}' },
    { method: 'POST', path: '/households' },
  ]);

  it('prefers a literal segment to a parameter', () => {
    expect(match('GET', '/households/search')?.route.path).toBe('/households/search');
    expect(match('GET', '/households/abc')).toMatchObject({
      route: { path: '/households/{householdId}' },
      pathParameters: { householdId: 'abc' },
    });
  });

  it('decodes parameters, takes the rest for a greedy one, and needs the method to match', () => {
    expect(match('GET', '/households/a%20b')?.pathParameters).toEqual({ householdId: 'a b' });
    expect(match('GET', '/files/a/b/c.pdf')?.pathParameters).toEqual({ proxy: 'a/b/c.pdf' });
    expect(match('DELETE', '/households/abc')).toBeUndefined();
    expect(match('GET', '/households/abc/extra')).toBeUndefined();
    expect(match('POST', '/households')?.pathParameters).toBeUndefined();
  });

  it('finds every declared route by its own path', () => {
    const declared = createRouteMatcher(declaration.routes);
    for (const route of declaration.routes) {
      const concrete = route.path.replace(/\{(\w+)\}/g, '$1-value');
      expect(declared(route.method, concrete)?.route, `${route.method} ${route.path}`).toBe(route);
    }
  });
});

describe('the payload format 2.0 event', () => {
  const base = {
    method: 'POST',
    headers: {
      host: 'localhost:3000',
      'content-type': 'application/json',
      cookie: 'a=1; b=2',
      'user-agent': 'ua',
    },
    route: { method: 'POST' as const, path: '/households/{householdId}' },
    pathParameters: { householdId: 'h1' },
    requestId: 'req-1',
    sourceIp: '127.0.0.1',
    now: new Date('2026-11-22T08:00:00Z'),
  };

  it('carries route key, raw and parsed query, cookies, lower-cased headers and text body', () => {
    const event = buildEvent({
      ...base,
      url: '/households/h1?a=1&a=2&b=%E4%B8%AD',
      body: Buffer.from('{"x":1}'),
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /households/{householdId}',
      rawPath: '/households/h1',
      rawQueryString: 'a=1&a=2&b=%E4%B8%AD',
      queryStringParameters: { a: '1,2', b: '中' },
      pathParameters: { householdId: 'h1' },
      cookies: ['a=1', 'b=2'],
      body: '{"x":1}',
      isBase64Encoded: false,
      requestContext: {
        requestId: 'req-1',
        routeKey: 'POST /households/{householdId}',
        stage: '$default',
        time: '22/Nov/2026:08:00:00 +0000',
        timeEpoch: Date.parse('2026-11-22T08:00:00Z'),
        http: { method: 'POST', path: '/households/h1', sourceIp: '127.0.0.1', userAgent: 'ua' },
      },
    });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });

  it('base64-encodes a binary body', () => {
    const bytes = Buffer.from([0, 255, 1, 2]);
    const event = buildEvent({
      ...base,
      url: '/x',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
    expect(event.queryStringParameters).toBeUndefined();
  });

  it('flattens the claims as HTTP APIs do, and the handler still reads the identity', () => {
    const event = buildEvent({
      ...base,
      url: '/x',
      body: Buffer.alloc(0),
      claims: {
        sub: 'u1',
        'cognito:groups': ['county_staff'],
        exp: 1,
        'fpb:county': '420702000000',
        scope: 'a b',
      },
    });
    const authorizer = 'authorizer' in event.requestContext ? event.requestContext.authorizer : undefined;
    expect(authorizer?.jwt).toEqual({
      claims: {
        sub: 'u1',
        'cognito:groups': '[county_staff]',
        exp: '1',
        'fpb:county': '420702000000',
        scope: 'a b',
      },
      scopes: ['a', 'b'],
    });
    expect(identityFromClaims(authorizer?.jwt.claims)).toMatchObject({ role: 'county_staff', userId: 'u1' });
    expect(flattenClaims({ groups: ['a', 'b'], n: 2, t: true })).toEqual({
      groups: '[a b]',
      n: '2',
      t: 'true',
    });
  });
});

describe('the Lambda result as API Gateway reads it', () => {
  it('uses statusCode, headers, cookies and base64 bodies', () => {
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'X-Thing': 1 },
      cookies: ['s=1'],
      body: Buffer.from('hi').toString('base64'),
      isBase64Encoded: true,
    });
    expect(response).toMatchObject({ status: 201, headers: { 'x-thing': '1' }, cookies: ['s=1'] });
    expect(response.body.toString()).toBe('hi');
  });

  it('treats anything without a statusCode as a 200 JSON body, and a bad status as a 500', () => {
    const plain = toHttpResponse({ a: 1 });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json');
    expect(JSON.parse(plain.body.toString())).toEqual({ a: 1 });
    expect(toHttpResponse({ statusCode: 'nope' }).status).toBe(500);
  });
});

describe('the JWT authorizer', () => {
  let keyDir: string;
  let otherDir: string;
  let issuer: LocalIssuer;
  let authorize: ReturnType<typeof createJwtAuthorizer>;
  const user = demoUser('county.staff');

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'fpb-issuer-'));
    otherDir = await mkdtemp(join(tmpdir(), 'fpb-issuer-'));
    issuer = await createIssuer({ keyDir, issuer: 'http://localhost:1/local-issuer' });
    authorize = createJwtAuthorizer({
      issuer: issuer.issuer,
      audiences: [issuer.audience],
      jwks: issuer.jwks,
    });
  });
  afterAll(async () => {
    await rm(keyDir, { recursive: true, force: true });
    await rm(otherDir, { recursive: true, force: true });
  });

  it('accepts a token of the issuer with Cognito access-token claims', async () => {
    const token = await issuer.signAccessToken(user);
    const verdict = await authorize(`Bearer ${token}`);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.claims).toMatchObject({
      sub: user.userId,
      username: 'county.staff',
      token_use: 'access',
      client_id: issuer.audience,
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['county_staff'],
      'fpb:county': '420702000000',
    });
    expect(Number(verdict.claims.exp) - Number(verdict.claims.iat)).toBe(3600);
  });

  it('keeps its key pair: a second issuer on the same directory verifies the first one’s tokens', async () => {
    const again = await createIssuer({ keyDir, issuer: issuer.issuer });
    expect(again.jwks).toEqual(issuer.jwks);
    expect((await authorize(await again.signAccessToken(user))).ok).toBe(true);
  });

  it('refuses a missing, malformed, expired, foreign, mis-addressed or wrongly issued token', async () => {
    const stranger = await createIssuer({ keyDir: otherDir, issuer: issuer.issuer });
    const elsewhere = await createIssuer({ keyDir, issuer: 'http://elsewhere/local-issuer' });
    const cases = {
      missing: undefined,
      malformed: 'Bearer not.a.jwt',
      expired: await issuer.signAccessToken(user, { expiresInSeconds: -60 }),
      foreignKey: await stranger.signAccessToken(user),
      wrongAudience: await issuer.signAccessToken(user, { audience: 'another-client' }),
      wrongIssuer: await elsewhere.signAccessToken(user),
    };
    for (const [name, header] of Object.entries(cases)) {
      expect((await authorize(header)).ok, name).toBe(false);
    }
  });

  it('reads the token with or without the Bearer prefix', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('abc')).toBe('abc');
    expect(bearerToken('  ')).toBeUndefined();
  });
});

describe('a malformed Lambda result', () => {
  it('is a 500, as API Gateway answers a non-string body', () => {
    expect(toHttpResponse({ statusCode: 200, body: { not: 'a string' } }).status).toBe(500);
  });
});

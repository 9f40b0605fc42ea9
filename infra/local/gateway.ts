/**
 * The local API Gateway (HTTP API, payload format 2.0): routes from the declaration, the JWT
 * authorizer on every non-public route (no handler runs without a verified identity), the
 * APIGatewayProxyEventV2 a Lambda integration receives, and the response translation. Also
 * answers CORS preflights and serves the local issuer's JWKS under `/local-issuer`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { routeKey } from '../../shared/http/route.ts';
import { createRouteMatcher } from './route-matcher.ts';
import { createJwtAuthorizer, flattenClaims, scopesOf, type AuthorizerResult } from './jwt-authorizer.ts';
import { ISSUER_PATH, type LocalIssuer } from './issuer.ts';
import type { LocalFunctions } from './functions.ts';
import { closeServer, listen, LOOPBACK } from './net.ts';

/** Lambda's synchronous payload limit. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;
const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql))/i;

export type GatewayEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  cookies: [],
  body: Buffer.from(JSON.stringify(body)),
});

export const NOT_FOUND = () => jsonResponse(404, { message: 'Not Found' });
export const UNAUTHORIZED = (reason: string) =>
  jsonResponse(
    401,
    { message: 'Unauthorized' },
    { 'www-authenticate': `Bearer error="invalid_token" error_description="${reason.replace(/"/g, "'")}"` },
  );
export const INTERNAL_ERROR = () => jsonResponse(500, { message: 'Internal Server Error' });

/** `22/Nov/2026:08:00:00 +0000`, API Gateway's `requestContext.time`. */
const apiGatewayTime = (date: Date): string => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
};

export interface EventInput {
  readonly method: string;
  /** Path and query as received, e.g. `/households?villageCode=…`. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly route: Pick<RouteDecl, 'method' | 'path'>;
  readonly pathParameters?: Record<string, string>;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly claims?: JWTPayload;
  readonly now?: Date;
}

/** The event API Gateway hands a Lambda integration (payload format 2.0). */
export const buildEvent = (input: EventInput): GatewayEvent => {
  const now = input.now ?? new Date();
  const queryAt = input.url.indexOf('?');
  const rawPath = queryAt >= 0 ? input.url.slice(0, queryAt) : input.url;
  const rawQueryString = queryAt >= 0 ? input.url.slice(queryAt + 1) : '';

  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }

  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    if (name === 'cookie') cookies = joined.split(/;\s*/).filter(Boolean);
    else headers[name.toLowerCase()] = joined;
  }

  const contentType = headers['content-type'] ?? '';
  const isText = TEXT_TYPES.test(contentType);
  const hasBody = input.body.length > 0;
  const key = routeKey(input.route);
  const host = headers.host ?? 'localhost';

  const event: GatewayEvent = {
    version: '2.0',
    routeKey: key,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    ...(hasBody ? { body: isText ? input.body.toString('utf8') : input.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !isText,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: input.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: key,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
      ...(input.claims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims: flattenClaims(input.claims), scopes: scopesOf(input.claims) },
            },
          }
        : {}),
    },
  };
  return event;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A Lambda result → the HTTP response, as API Gateway reads format 2.0: an object with
 * `statusCode` is a response; anything else is a 200 JSON body.
 */
export const toHttpResponse = (result: unknown): HttpResponse => {
  if (!isRecord(result) || !('statusCode' in result)) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  const status = Number(result.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) return INTERNAL_ERROR();
  const headers: Record<string, string> = {};
  if (isRecord(result.headers)) {
    for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = String(value);
  }
  // API Gateway refuses a non-string body (500); so does the gateway, so the bug shows locally.
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string')
    return INTERNAL_ERROR();
  const body = typeof result.body === 'string' ? result.body : '';
  return {
    status,
    headers,
    cookies: Array.isArray(result.cookies) ? result.cookies.map(String) : [],
    body: result.isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body),
  };
};

const readBody = (req: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

export interface GatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly routes: readonly RouteDecl[];
  readonly functions: LocalFunctions;
  /** Creates the issuer once the gateway knows its own URL (the issuer lives under it). */
  readonly issuer: (gatewayUrl: string) => Promise<LocalIssuer>;
  /** Extra audiences the authorizer accepts besides the issuer's client id. */
  readonly audiences?: readonly string[];
  readonly corsOrigins?: readonly string[];
  readonly quiet?: boolean;
}

export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly issuer: LocalIssuer;
  stop(): Promise<void>;
}

export const startGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const match = createRouteMatcher(options.routes);
  const corsOrigins = options.corsOrigins ?? ['*'];
  const methods = [...new Set(options.routes.map((r) => r.method)), 'OPTIONS'].join(',');
  const state: {
    ready?: { issuer: LocalIssuer; authorize: (header: string | undefined) => Promise<AuthorizerResult> };
  } = {};

  const corsHeaders = (origin: string | undefined): Record<string, string> => {
    if (!origin) return {};
    const allowed = corsOrigins.includes('*') ? '*' : corsOrigins.includes(origin) ? origin : undefined;
    if (!allowed) return {};
    return {
      'access-control-allow-origin': allowed,
      'access-control-expose-headers': 'x-request-id,apigw-requestid',
      ...(allowed === '*' ? {} : { vary: 'origin' }),
    };
  };

  const issuerEndpoint = (issuer: LocalIssuer, path: string): HttpResponse => {
    const base = issuer.issuer;
    if (path === `${ISSUER_PATH}/.well-known/jwks.json`) return jsonResponse(200, issuer.jwks);
    if (path === `${ISSUER_PATH}/.well-known/openid-configuration`)
      return jsonResponse(200, {
        issuer: base,
        jwks_uri: `${base}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['none'],
      });
    return NOT_FOUND();
  };

  const route = async (req: IncomingMessage, requestId: string): Promise<HttpResponse> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const origin = req.headers.origin;
    const ready = state.ready;
    if (!ready) return jsonResponse(503, { message: 'Service Unavailable' });
    if (method === 'OPTIONS' && origin && req.headers['access-control-request-method']) {
      return {
        status: 204,
        headers: {
          ...corsHeaders(origin),
          'access-control-allow-methods': methods,
          'access-control-allow-headers': 'authorization,content-type,idempotency-key,x-request-id',
          'access-control-max-age': '600',
        },
        cookies: [],
        body: Buffer.alloc(0),
      };
    }
    if (method === 'GET' && path.startsWith(`${ISSUER_PATH}/`)) return issuerEndpoint(ready.issuer, path);

    const found = match(method, path);
    if (!found) return NOT_FOUND();
    const body = await readBody(req);
    if (body === 'too-large') return jsonResponse(413, { message: 'Request Entity Too Large' });

    let claims: JWTPayload | undefined;
    if (found.route.roles !== 'public') {
      const verdict = await ready.authorize(req.headers.authorization);
      if (!verdict.ok) return UNAUTHORIZED(verdict.reason);
      claims = verdict.claims;
    }
    const event = buildEvent({
      method,
      url,
      headers: req.headers,
      body,
      route: found.route,
      pathParameters: found.pathParameters,
      requestId,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? LOOPBACK,
      claims,
    });
    try {
      return toHttpResponse(await options.functions.invoke(found.route.function, event, { requestId }));
    } catch (error) {
      console.error(`gateway: ${routeKey(found.route)} → ${found.route.function} failed:`, error);
      return INTERNAL_ERROR();
    }
  };

  const server = createServer((req, res: ServerResponse) => {
    const started = Date.now();
    const requestId = randomUUID();
    route(req, requestId)
      .catch((error: unknown) => {
        console.error('gateway: request failed', error);
        return INTERNAL_ERROR();
      })
      .then((response) => {
        const headers = {
          ...response.headers,
          ...corsHeaders(req.headers.origin),
          'apigw-requestid': requestId,
        };
        res.writeHead(response.status, {
          ...headers,
          ...(response.cookies.length > 0 ? { 'set-cookie': [...response.cookies] } : {}),
          'content-length': String(response.body.length),
        });
        res.end(response.body);
        if (!options.quiet)
          console.log(`${req.method} ${req.url} → ${response.status} (${Date.now() - started} ms)`);
      })
      .catch((error: unknown) => console.error('gateway: could not respond', error));
  });

  const port = await listen(server, options.port, options.host ?? LOOPBACK);
  const url = `http://localhost:${port}`;
  const issuer = await options.issuer(url);
  state.ready = {
    issuer,
    authorize: createJwtAuthorizer({
      issuer: issuer.issuer,
      audiences: [issuer.audience, ...(options.audiences ?? [])],
      jwks: issuer.jwks,
    }),
  };
  return { url, port, issuer, stop: () => closeServer(server) };
};

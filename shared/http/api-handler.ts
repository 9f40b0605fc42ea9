/**
 * The one wrapper of every HTTP handler: verified identity, role check from the route's
 * declaration, zod parsing of params/query/body, and the one error mapping
 * (400 with field paths and zh-CN messages, 401, 403, 404, 409, 500 with a request id only).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { z, type ZodType } from 'zod';
import { identityFromClaims, type Identity } from '../auth/identity.ts';
import type { RouteDecl } from '../platform/declaration-types.ts';
import { logger } from '../log/logger.ts';
import { CLOCK_HEADER, nowFrom } from '../platform/clock.ts';
import { DomainError, Forbidden, Unauthenticated, ValidationFailed, type FieldIssue } from './errors.ts';
import type { RouteBody, RouteParams, RouteQuery } from './route.ts';

z.config(z.locales.zhCN());

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface ApiRequest<R extends RouteDecl> {
  /** Undefined only on public routes. */
  readonly identity: R['roles'] extends 'public' ? Identity | undefined : Identity;
  readonly params: RouteParams<R>;
  readonly query: RouteQuery<R>;
  readonly body: RouteBody<R>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly requestId: string;
  /** The time to act at (see `shared/platform/clock.ts`). */
  readonly now: Date;
}

export interface ApiResponse {
  readonly status: number;
  /** JSON body. */
  readonly body?: unknown;
  /** A file instead of JSON (templates, exports, printable pages); sent base64-encoded. */
  readonly file?: {
    readonly bytes: Buffer | string;
    readonly contentType: string;
    readonly fileName?: string;
  };
  readonly headers?: Readonly<Record<string, string>>;
}

const fileResponse = (file: NonNullable<ApiResponse['file']>, status: number, requestId: string) => ({
  statusCode: status,
  isBase64Encoded: true,
  headers: {
    'content-type': file.contentType,
    'x-request-id': requestId,
    ...(file.fileName
      ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}` }
      : {}),
  },
  body: (typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes).toString('base64'),
});

const issuesOf = (error: z.ZodError, prefix: string): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));

const parsePart = (schema: ZodType | undefined, value: unknown, prefix: string): unknown => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationFailed(issuesOf(result.error, prefix));
  return result.data;
};

const readBody = (event: ApiEvent): unknown => {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationFailed([{ path: 'body', message: '请求体不是合法的 JSON' }]);
  }
};

const json = (status: number, body: unknown, requestId: string, headers?: Record<string, string>) => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, ...headers },
  body: body === undefined ? '' : JSON.stringify(body),
});

/** Maps any thrown error to a response; the only place errors become HTTP. */
export const errorResponse = (error: unknown, requestId: string): APIGatewayProxyResultV2 => {
  if (error instanceof ValidationFailed) {
    return json(
      400,
      { code: error.code, message: error.message, issues: error.issues, requestId },
      requestId,
    );
  }
  if (error instanceof DomainError) {
    if (error.status >= 500) logger.error('domain error', { error });
    return json(
      error.status,
      { code: error.code, message: error.message, ...(error.details ?? {}), requestId },
      requestId,
    );
  }
  logger.error('unhandled error', { error: error as Error });
  return json(500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', requestId }, requestId);
};

export const authenticate = (route: RouteDecl, event: ApiEvent): Identity | undefined => {
  if (route.roles === 'public') return undefined;
  const identity = identityFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!identity) throw new Unauthenticated();
  if (!route.roles.includes(identity.role)) throw new Forbidden();
  return identity;
};

export const apiHandler = <R extends RouteDecl>(
  route: R,
  run: (request: ApiRequest<R>) => Promise<ApiResponse>,
) =>
  middy<ApiEvent, APIGatewayProxyResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const requestId = event.requestContext?.requestId ?? 'unknown';
      try {
        const identity = authenticate(route, event);
        if (identity) logger.appendKeys({ userId: identity.userId, role: identity.role });
        const request = {
          identity,
          params: parsePart(route.request?.params, event.pathParameters ?? {}, 'params'),
          query: parsePart(route.request?.query, event.queryStringParameters ?? {}, 'query'),
          body: parsePart(route.request?.body, readBody(event), 'body'),
          headers: event.headers ?? {},
          requestId,
          now: nowFrom(event.headers?.[CLOCK_HEADER]),
        } as ApiRequest<R>;
        const result = await run(request);
        if (result.file) return fileResponse(result.file, result.status, requestId);
        return json(result.status, result.body, requestId, result.headers as Record<string, string>);
      } catch (error) {
        return errorResponse(error, requestId);
      }
    });

/** Route contracts: declared once, used by the declaration (CDK, local gateway, OpenAPI) and the handler. */
import type { z, ZodType } from 'zod';
import type { RouteDecl } from '../platform/declaration-types.ts';

/** Keeps the literal schema types so handlers get typed params, query and body. */
export const route = <const R extends RouteDecl>(decl: R): R => decl;

type Infer<S> = S extends ZodType ? z.infer<S> : undefined;

export type RouteParams<R extends RouteDecl> = Infer<NonNullable<R['request']>['params']>;
export type RouteQuery<R extends RouteDecl> = Infer<NonNullable<R['request']>['query']>;
export type RouteBody<R extends RouteDecl> = Infer<NonNullable<R['request']>['body']>;

/** `POST /households/{householdId}` — the API Gateway v2 route key. */
export const routeKey = (r: Pick<RouteDecl, 'method' | 'path'>): string => `${r.method} ${r.path}`;

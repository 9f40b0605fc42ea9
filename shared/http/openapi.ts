/** The OpenAPI 3.1 document, generated from the declaration's routes and their zod schemas. */
import { z, type ZodType } from 'zod';
import type { PlatformDeclaration, RouteDecl } from '../platform/declaration-types.ts';
import { ROLE_LABELS } from '../auth/roles.ts';

type JsonSchema = Record<string, unknown>;

/** Collects named schemas (`.meta({ id })`) into components and rewrites their references. */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  toSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
    const raw = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
    const { $schema: _ignored, $defs, ...rest } = raw;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.components[id] ??= this.rewrite(def) as JsonSchema;
    }
    const id = (rest.id ?? undefined) as string | undefined;
    const body = this.rewrite(rest) as JsonSchema;
    if (id) {
      delete body.id;
      this.components[id] ??= body;
      return { $ref: `#/components/schemas/${id}` };
    }
    return body;
  }

  private rewrite(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.rewrite(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string'
            ? v.replace('#/$defs/', '#/components/schemas/')
            : this.rewrite(v),
        ]),
      );
    }
    return value;
  }
}

const parametersOf = (route: RouteDecl, collector: SchemaCollector) => {
  const params: Record<string, unknown>[] = [];
  for (const [location, schema] of [
    ['path', route.request?.params],
    ['query', route.request?.query],
  ] as const) {
    if (!schema) continue;
    const json = collector.toSchema(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      params.push({
        name,
        in: location,
        required: location === 'path' || required.has(name),
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      });
    }
  }
  return params;
};

export const buildOpenApi = (declaration: PlatformDeclaration, serverUrl?: string) => {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of declaration.routes) {
    const operation: Record<string, unknown> = {
      operationId: route.function,
      summary: route.summary,
      tags: [route.tag],
      'x-roles': route.roles === 'public' ? 'public' : route.roles,
      ...(route.roles === 'public'
        ? { security: [] }
        : { description: `允许的角色：${route.roles.map((r) => ROLE_LABELS[r]).join('、')}` }),
      parameters: parametersOf(route, collector),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema
              ? { content: { 'application/json': { schema: collector.toSchema(response.schema, 'output') } } }
              : {}),
          },
        ]),
      ),
    };
    if (route.request?.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: collector.toSchema(route.request.body, 'input') } },
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '防贫保 Fangpinbao API',
      version: '0.1.0',
      description: '防贫保障基金与防止返贫动态监测平台。所有金额为整数“分”，时区 Asia/Shanghai。',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: collector.components,
    },
  };
};

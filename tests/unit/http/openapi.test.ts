import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../shared/http/openapi.ts';
import { declaration } from '../../../shared/platform/declaration.ts';

describe('the OpenAPI document', () => {
  const doc = buildOpenApi(declaration);

  it('is OpenAPI 3.1 with one operation per declared route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(declaration.routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('describes request bodies and parameters from the zod schemas', () => {
    const create = doc.paths['/households']?.post as Record<string, any>;
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HouseholdInput',
    });
    const input = doc.components.schemas.HouseholdInput as Record<string, any>;
    expect(input.required).toEqual(expect.arrayContaining(['villageCode', 'group', 'address', 'members']));
    const get = doc.paths['/households/{householdId}']?.get as Record<string, any>;
    expect(get.parameters).toEqual([
      expect.objectContaining({ name: 'householdId', in: 'path', required: true }),
    ]);
    const list = doc.paths['/households']?.get as Record<string, any>;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['villageCode', 'townCode', 'type', 'limit', 'cursor']),
    );
  });

  it('marks public routes as needing no token and lists the roles of the others', () => {
    const health = doc.paths['/health']?.get as Record<string, any>;
    expect(health.security).toEqual([]);
    const identity = doc.paths['/households/{householdId}/identity']?.get as Record<string, any>;
    expect(identity['x-roles']).toEqual(['village_cadre', 'town_official', 'county_staff', 'auditor']);
  });

  it('leaves no dangling schema reference', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(String(ref));
  });
});

import { describe, expect, it } from 'vitest';
import { api } from './support/api.ts';

describe('who am I, regions, and the API document', () => {
  it('tells the caller their role and scope', async () => {
    const me = await api('village.taihe').get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'village.taihe',
      role: 'village_cadre',
      roleLabel: '村两委/驻村工作队',
      countyCode: '420702000000',
      townCode: '420702100000',
      villageCode: '420702100201',
    });
  });

  it('lists the regions in scope, and the ones above for breadcrumbs', async () => {
    const county = await api('county.staff').get('/regions');
    expect(county.status).toBe(200);
    const codes = county.body.items.map((r: { code: string }) => r.code);
    expect(codes).toContain('420702100201');
    expect(codes).toContain('420702102201');
    expect(codes.some((c: string) => c.startsWith('420703'))).toBe(false);

    const village = await api('village.taihe').get('/regions');
    expect(village.body.items.map((r: { name: string }) => r.name).sort()).toEqual(
      ['太和村', '太和镇', '梁子湖区'].sort(),
    );
  });

  it('serves the OpenAPI 3.1 document without a token', async () => {
    const doc = await api().get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/households'].post.requestBody).toBeDefined();
  });
});

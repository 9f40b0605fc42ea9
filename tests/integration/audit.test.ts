/** Reads of full personal data (`/identity`) and who may see them (`/audit/personal-data-reads`). */
import { describe, expect, it } from 'vitest';
import { api } from './support/api.ts';
import { householdBody } from '../support/household-input.ts';

const shanghaiDate = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

interface ReadRecord {
  auditId: string;
  entityId: string;
  at: string;
  action: string;
  actor: { username: string; role: string };
}

const readsOf = async (username: string, query = '') => {
  const result = await api(username).get(`/audit/personal-data-reads?limit=200${query}`);
  expect(result.status).toBe(200);
  return result.body.items as ReadRecord[];
};

const newHousehold = async (): Promise<string> => {
  const result = await api('village.taihe').post('/households', householdBody());
  expect(result.status).toBe(201);
  return result.body.householdId;
};

describe('personal-data reads', () => {
  it('lists each read of full identity data for the county, newest first, within the dates asked', async () => {
    const id = await newHousehold();
    expect((await api('village.taihe').get(`/households/${id}/identity`)).status).toBe(200);
    expect((await api('county.staff').get(`/households/${id}/identity`)).status).toBe(200);

    const today = shanghaiDate();
    const reads = (await readsOf('auditor', `&from=${today}&to=${today}`)).filter((r) => r.entityId === id);
    expect(reads.map((r) => [r.actor.username, r.actor.role, r.action])).toEqual([
      ['county.staff', 'county_staff', 'identity.read'],
      ['village.taihe', 'village_cadre', 'identity.read'],
    ]);
    expect(reads[0]?.at.localeCompare(reads[1]?.at ?? '')).toBeGreaterThanOrEqual(0);

    expect((await readsOf('county.staff')).map((r) => r.entityId)).toContain(id);
    const yesterday = shanghaiDate(-1);
    expect(
      (await readsOf('auditor', `&from=${yesterday}&to=${yesterday}`)).map((r) => r.entityId),
    ).not.toContain(id);
    expect((await readsOf('auditor', `&to=${yesterday}`)).map((r) => r.entityId)).not.toContain(id);
    expect((await readsOf('auditor', `&from=${today}`)).map((r) => r.entityId)).toContain(id);
  });

  it('does not count a masked read as a personal-data read', async () => {
    const id = await newHousehold();
    expect((await api('county.staff').get(`/households/${id}`)).status).toBe(200);
    expect((await readsOf('auditor')).map((r) => r.entityId)).not.toContain(id);
  });

  it('keeps each county to its own reads', async () => {
    const id = await newHousehold();
    expect((await api('auditor').get(`/households/${id}/identity`)).status).toBe(200);
    expect((await readsOf('other.county.staff')).map((r) => r.entityId)).not.toContain(id);
    expect((await readsOf('auditor')).map((r) => r.entityId)).toContain(id);
  });

  it('records nothing for a read that was refused', async () => {
    const id = await newHousehold();
    expect((await api('other.county.staff').get(`/households/${id}/identity`)).status).toBe(404);
    expect((await api('adjuster.wang').get(`/households/${id}/identity`)).status).toBe(403);
    expect((await readsOf('auditor')).map((r) => r.entityId)).not.toContain(id);
  });

  it('pages with a cursor', async () => {
    const id = await newHousehold();
    for (let i = 0; i < 3; i += 1)
      expect((await api('county.staff').get(`/households/${id}/identity`)).status).toBe(200);
    const first = await api('auditor').get('/audit/personal-data-reads?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await api('auditor').get(
      `/audit/personal-data-reads?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((r: ReadRecord) => r.auditId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is for the auditor and county staff only, with valid dates', async () => {
    expect((await api('village.taihe').get('/audit/personal-data-reads')).status).toBe(403);
    expect((await api('town.taihe').get('/audit/personal-data-reads')).status).toBe(403);
    expect((await api('adjuster.wang').get('/audit/personal-data-reads')).status).toBe(403);
    const reversed = await api('auditor').get('/audit/personal-data-reads?from=2026-03-02&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.issues).toEqual([{ path: 'query.to', message: '结束日期不能早于开始日期' }]);
    const badDate = await api('auditor').get('/audit/personal-data-reads?from=2026-02-30');
    expect(badDate.status).toBe(400);
    expect(badDate.body.issues[0].path).toBe('query.from');
  });
});

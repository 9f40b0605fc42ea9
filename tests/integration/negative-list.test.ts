import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { negativeListStore } from '../../shared/adapters/negative-list-store.ts';
import { maskResidentId } from '../../shared/domain/mask.ts';
import { api } from './support/api.ts';
import { randomResidentId } from '../support/resident-ids.ts';

type Entry = { residentId: string; personName?: string; reason: string; reasonLabel: string };

const listAll = async (username: string) => {
  const items: Entry[] = [];
  let cursor: string | undefined;
  do {
    const result = await api(username).get(
      `/negative-list?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(result.status).toBe(200);
    items.push(...result.body.items);
    cursor = result.body.nextCursor;
  } while (cursor);
  return items;
};

const trail = async () => {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName.audit(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'ENTITY#negativeList#420702000000' },
      ScanIndexForward: false,
      Limit: 200,
    }),
  );
  return result.Items ?? [];
};

describe('the negative list', () => {
  it('adds once (idempotent), lists masked to the county’s readers, removes with a reason, audited', async () => {
    const residentId = randomResidentId();
    const body = {
      residentId,
      personName: '钱多多',
      reason: 'public_servant_or_legal_person',
      note: '某公司法定代表人',
    };
    const added = await api('county.staff').post('/negative-list', body);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      residentId: maskResidentId(residentId),
      personName: '钱**',
      reason: 'public_servant_or_legal_person',
      reasonLabel: '财政供养人员或有稳定收入的企业法人',
      note: '某公司法定代表人',
      createdBy: 'county.staff',
      createdAt: expect.any(String),
    });
    const again = await api('county.staff').post('/negative-list', { ...body, reason: 'other' });
    expect(again.status).toBe(200);
    expect(again.body.reason).toBe('public_servant_or_legal_person');

    for (const user of ['county.staff', 'town.taihe', 'village.taihe', 'auditor']) {
      const found = (await listAll(user)).filter((e) => e.residentId === maskResidentId(residentId));
      expect(found, user).toHaveLength(1);
    }
    expect(
      (await listAll('other.county.staff')).some((e) => e.residentId === maskResidentId(residentId)),
    ).toBe(false);
    const all = JSON.stringify(await listAll('county.staff'));
    expect(all).not.toContain(residentId);

    const hits = await negativeListStore.lookup([residentId, randomResidentId()]);
    expect([...hits.entries()]).toEqual([
      [
        residentId,
        { reason: 'public_servant_or_legal_person', reasonLabel: '财政供养人员或有稳定收入的企业法人' },
      ],
    ]);

    const removed = await api('county.staff').post('/negative-list/removals', {
      residentId,
      reason: '已辞去法定代表人职务',
    });
    expect(removed.status).toBe(204);
    expect((await negativeListStore.lookup([residentId])).size).toBe(0);
    expect((await listAll('county.staff')).some((e) => e.residentId === maskResidentId(residentId))).toBe(
      false,
    );
    const gone = await api('county.staff').post('/negative-list/removals', { residentId, reason: '再次' });
    expect(gone.status).toBe(404);

    const records = (await trail()).filter((r) => r.after?.residentId === residentId);
    expect(records.map((r) => [r.action, r.actor.username, r.after.reason])).toEqual([
      ['negative_list.removed', 'county.staff', '已辞去法定代表人职务'],
      ['negative_list.added', 'county.staff', 'public_servant_or_legal_person'],
    ]);
    expect(records.map((r) => r.summary).join()).not.toContain(residentId);
  });

  it('lets only county staff write; an invalid ID or reason is 400 with the field path', async () => {
    const residentId = randomResidentId();
    for (const user of ['town.taihe', 'village.taihe', 'auditor', 'dept.medical']) {
      expect((await api(user).post('/negative-list', { residentId, reason: 'other' })).status, user).toBe(
        403,
      );
    }
    expect(
      (await api('village.taihe').post('/negative-list/removals', { residentId, reason: 'x' })).status,
    ).toBe(403);
    expect((await api('dept.medical').get('/negative-list')).status).toBe(403);
    const bad = await api('county.staff').post('/negative-list', {
      residentId: `${residentId.slice(0, 17)}${residentId.endsWith('0') ? '1' : '0'}`,
      reason: 'rich',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.reason',
      'body.residentId',
    ]);
  });

  it('keeps another county’s entry out of reach (404 on removal)', async () => {
    const residentId = randomResidentId();
    expect(
      (await api('other.county.staff').post('/negative-list', { residentId, reason: 'illegal_behaviour' }))
        .status,
    ).toBe(201);
    expect(
      (await api('county.staff').post('/negative-list/removals', { residentId, reason: '越权' })).status,
    ).toBe(404);
    expect((await api('county.staff').post('/negative-list', { residentId, reason: 'other' })).status).toBe(
      404,
    );
  });

  it('looks up more than 100 IDs in one call', async () => {
    const listed = [randomResidentId(), randomResidentId()];
    for (const residentId of listed)
      expect(
        (await api('county.staff').post('/negative-list', { residentId, reason: 'large_deposits_or_assets' }))
          .status,
      ).toBe(201);
    const asked = [...Array.from({ length: 230 }, () => randomResidentId()), ...listed, listed[0] ?? ''];
    const hits = await negativeListStore.lookup(asked);
    expect([...hits.keys()].sort()).toEqual([...listed].sort());
  });
});

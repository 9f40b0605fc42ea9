/**
 * The household registry (SPEC §2) through the local HTTP gateway and DynamoDB Local: masking,
 * validation, scope, optimistic concurrency, one resident ID per household, moves and leaves kept
 * in the history.
 */
import { describe, expect, it } from 'vitest';
import { api, type ApiResult } from './support/api.ts';
import {
  DONGGOU_VILLAGE,
  householdBody,
  memberBody,
  SHAOJIALONG_VILLAGE,
  TAIHE_VILLAGE,
} from '../support/household-input.ts';
import { randomResidentId, withWrongCheckDigit } from '../support/resident-ids.ts';

const MASKED_ID = /^\d{4}\*{10}\d{3}[\dX]$/;
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

const created = (result: ApiResult) => {
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
};

const createIn = async (username: string, body = householdBody()) => ({
  body,
  household: created(await api(username).post('/households', body)),
});

const historyOf = async (householdId: string, username = 'auditor') => {
  const result = await api(username).get(`/households/${householdId}/history?limit=200`);
  expect(result.status).toBe(200);
  return result.body.items as {
    action: string;
    actor: { username: string };
    at: string;
    before?: any;
    after?: any;
    summary: string;
  }[];
};

describe('creating and reading a household', () => {
  it('creates a household and reads it back masked', async () => {
    const { body, household } = await createIn('village.taihe');
    expect(household).toMatchObject({
      countyCode: '420702000000',
      townCode: '420702100000',
      villageCode: TAIHE_VILLAGE,
      group: '三组',
      type: 'general',
      headName: '张**',
      phone: '138****5678',
      version: 1,
      createdBy: 'village.taihe',
    });
    expect(household.members.map((m: { name: string }) => m.name)).toEqual(['张**', '李**', '张**']);
    expect(household.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(
      body.members.map((m) => masked(m.idNumber)),
    );

    const read = await api('county.staff').get(`/households/${household.householdId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(household);
    const text = JSON.stringify(read.body);
    for (const member of body.members) expect(text).not.toContain(member.idNumber);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('张三丰');
  });

  it('gives full identity data only through /identity, and the auditor sees that read', async () => {
    const { body, household } = await createIn('village.taihe');
    const identity = await api('town.taihe').get(`/households/${household.householdId}/identity`);
    expect(identity.status).toBe(200);
    expect(identity.headers.get('cache-control')).toBe('no-store');
    expect(identity.body.headName).toBe('张三丰');
    expect(identity.body.phone).toBe('13812345678');
    expect(identity.body.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(
      body.members.map((m) => m.idNumber),
    );

    const reads = await api('auditor').get('/audit/personal-data-reads?limit=200');
    expect(reads.status).toBe(200);
    const read = reads.body.items.find((r: { entityId: string }) => r.entityId === household.householdId);
    expect(read).toMatchObject({
      action: 'identity.read',
      entityType: 'household',
      actor: { username: 'town.taihe', role: 'town_official' },
      summary: '查看完整身份信息：户主 张**',
    });

    const history = await historyOf(household.householdId);
    expect(history.map((h) => h.action)).toEqual(['household.created', 'identity.read']);
  });
});

describe('validation', () => {
  it('answers 400 with the field path and a Chinese message for a bad resident ID', async () => {
    const body = householdBody();
    const head = body.members[0] ?? memberBody();
    const result = await api('village.taihe').post('/households', {
      ...body,
      members: [{ ...head, idNumber: withWrongCheckDigit(head.idNumber) }, ...body.members.slice(1)],
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toBe('请求数据校验未通过');
    expect(result.body.issues).toContainEqual({
      path: 'body.members.0.idNumber',
      message: '身份证号码校验位不正确',
    });
  });

  it('names every bad field: a 30 February birth date, a missing name, a bad phone', async () => {
    const body = householdBody({ phone: '12345' });
    const result = await api('village.taihe').post('/households', {
      ...body,
      members: [
        body.members[0],
        { ...body.members[1], idNumber: '420702199002301234' },
        { ...body.members[2], name: '' },
      ],
    });
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.phone', message: '联系电话应为11位手机号或带区号的固定电话' },
        { path: 'body.members.1.idNumber', message: '身份证号码中的出生日期无效' },
        { path: 'body.members.2.name', message: '姓名不能为空' },
      ]),
    );
  });

  it('answers 400 for a body that is not JSON', async () => {
    const result = await api('village.taihe').raw('POST', '/households', {
      headers: { 'content-type': 'application/json' },
      body: '{"villageCode": ',
    });
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([{ path: 'body', message: '请求体不是合法的 JSON' }]);
  });

  it('answers 400 for a village code that is not in the region table', async () => {
    const result = await api('county.staff').post(
      '/households',
      householdBody({ villageCode: '420702100299' }),
    );
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([{ path: 'body.villageCode', message: '该村级区划代码不存在' }]);
  });
});

describe('lists', () => {
  it('pages a village list filtered by type, newest first, with masked head IDs', async () => {
    const first = await createIn(
      'village.donggou',
      householdBody({ villageCode: DONGGOU_VILLAGE, type: 'monitored' }),
    );
    const second = await createIn(
      'village.donggou',
      householdBody({ villageCode: DONGGOU_VILLAGE, type: 'monitored' }),
    );
    await createIn('village.donggou', householdBody({ villageCode: DONGGOU_VILLAGE, type: 'lifted' }));

    const town = api('town.donggou');
    const page1 = await town.get(`/households?villageCode=${DONGGOU_VILLAGE}&type=monitored&limit=1`);
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).toEqual({
      householdId: second.household.householdId,
      villageCode: DONGGOU_VILLAGE,
      townCode: '420702101000',
      group: '三组',
      type: 'monitored',
      headName: '张**',
      headIdNumber: masked(second.body.members[0]?.idNumber ?? ''),
      memberCount: 3,
      version: 1,
      updatedAt: second.household.updatedAt,
    });
    expect(page1.body.items[0].headIdNumber).toMatch(MASKED_ID);
    expect(typeof page1.body.nextCursor).toBe('string');

    const page2 = await town.get(
      `/households?villageCode=${DONGGOU_VILLAGE}&type=monitored&limit=1&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.status).toBe(200);
    expect(page2.body.items.map((h: { householdId: string }) => h.householdId)).toEqual([
      first.household.householdId,
    ]);
  });

  it('filters by town and type for the county, and never lists another type', async () => {
    const { household } = await createIn(
      'village.shaojialong',
      householdBody({ villageCode: SHAOJIALONG_VILLAGE, type: 'lifted' }),
    );
    const result = await api('county.staff').get('/households?townCode=420702100000&type=lifted&limit=200');
    expect(result.status).toBe(200);
    const items = result.body.items as { householdId: string; type: string; townCode: string }[];
    expect(items.map((h) => h.householdId)).toContain(household.householdId);
    expect(items.every((h) => h.type === 'lifted' && h.townCode === '420702100000')).toBe(true);
  });

  it('keeps a village cadre to their village, whatever they ask for', async () => {
    const { household } = await createIn(
      'village.shaojialong',
      householdBody({ villageCode: SHAOJIALONG_VILLAGE }),
    );
    const own = await api('village.taihe').get('/households?townCode=420702100000&limit=200');
    expect(own.status).toBe(200);
    expect(own.body.items.every((h: { villageCode: string }) => h.villageCode === TAIHE_VILLAGE)).toBe(true);
    expect(own.body.items.map((h: { householdId: string }) => h.householdId)).not.toContain(
      household.householdId,
    );
    expect((await api('village.taihe').get(`/households?villageCode=${SHAOJIALONG_VILLAGE}`)).status).toBe(
      404,
    );
    expect((await api('town.taihe').get('/households?townCode=420702101000')).status).toBe(404);
  });

  it('refuses a tampered cursor with 400', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ pk: 'HH#x', sk: 'HH', gsi1pk: 'VILLAGE#420703100201', gsi1sk: 'HH#' }),
    ).toString('base64url');
    const result = await api('village.taihe').get(`/households?cursor=${cursor}`);
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([
      { path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' },
    ]);
    expect((await api('village.taihe').get('/households?cursor=%%%')).status).toBe(400);
  });
});

describe('scope and roles', () => {
  it('hides a household from another county and another village (404)', async () => {
    const { household } = await createIn('village.taihe');
    const id = household.householdId;
    expect((await api('other.county.staff').get(`/households/${id}`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/households/${id}/identity`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/households/${id}/history`)).status).toBe(404);
    expect((await api('village.shaojialong').get(`/households/${id}`)).status).toBe(404);
    const write = await api('village.shaojialong').patch(`/households/${id}`, { version: 1, address: '改' });
    expect(write.status).toBe(404);
    expect(write.body.code).toBe('NOT_FOUND');
    expect((await api('county.staff').get(`/households/${id}`)).body.address).toBe('太和村三组12号');
  });

  it('does not let a village cadre create in another village (404)', async () => {
    const result = await api('village.shaojialong').post(
      '/households',
      householdBody({ villageCode: TAIHE_VILLAGE }),
    );
    expect(result.status).toBe(404);
    expect(result.body.message).toBe('记录不存在或不在您的管辖范围内');
  });

  it('keeps adjusters and departments out of the registry, and the auditor read-only (403)', async () => {
    expect((await api('adjuster.wang').get('/households')).status).toBe(403);
    expect((await api('dept.medical').get('/households')).status).toBe(403);
    const auditorWrite = await api('auditor').post('/households', householdBody());
    expect(auditorWrite.status).toBe(403);
    expect(auditorWrite.body.code).toBe('FORBIDDEN');
    expect((await api('auditor').get('/households?limit=1')).status).toBe(200);
  });
});

describe('one resident ID, one household', () => {
  it('lets exactly one of two concurrent creates with the same ID through', async () => {
    const shared = randomResidentId();
    const bodyFor = () => householdBody({ members: [memberBody({ idNumber: shared })] });
    const results = await Promise.all([
      api('village.taihe').post('/households', bodyFor()),
      api('county.staff').post('/households', bodyFor()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const conflict = results.find((r) => r.status === 409);
    expect(conflict?.body.code).toBe('RESIDENT_ID_TAKEN');
    expect(conflict?.body.message).toBe(
      `成员 张**（${masked(shared)}）已登记在其他农户，同一证件号码只能属于一户`,
    );
  });

  it('rejects an ID already in one household when created in or added to another', async () => {
    const { body } = await createIn('village.taihe');
    const taken = body.members[1]?.idNumber ?? '';
    const again = await api('county.staff').post(
      '/households',
      householdBody({
        villageCode: SHAOJIALONG_VILLAGE,
        members: [memberBody(), memberBody({ relation: 'spouse', idNumber: taken })],
      }),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RESIDENT_ID_TAKEN');

    const { household: other } = await createIn('village.taihe');
    const add = await api('village.taihe').post(`/households/${other.householdId}/members`, {
      version: 1,
      member: memberBody({ relation: 'son', idNumber: taken }),
    });
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('RESIDENT_ID_TAKEN');
    expect((await api('village.taihe').get(`/households/${other.householdId}`)).body.version).toBe(1);
  });
  it('treats a disability certificate as its holder ID: the same person cannot be registered twice', async () => {
    const { body } = await createIn('village.taihe');
    const holder = body.members[2]?.idNumber ?? '';
    const result = await api('village.shaojialong').post(
      '/households',
      householdBody({
        villageCode: SHAOJIALONG_VILLAGE,
        members: [memberBody({ idType: 'disability_certificate', idNumber: `${holder}12` })],
      }),
    );
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('RESIDENT_ID_TAKEN');
    expect(result.body.message).toContain(`${holder.slice(0, 4)}************${holder.slice(-2)}12`);
  });
});

describe('optimistic concurrency', () => {
  it('answers 409 STALE_VERSION with the current version to a write based on an old read', async () => {
    const { household } = await createIn('village.taihe');
    const path = `/households/${household.householdId}`;
    const first = await api('village.taihe').patch(path, { version: 1, address: '太和村三组15号' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await api('town.taihe').patch(path, { version: 1, type: 'monitored' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    const now = await api('county.staff').get(path);
    expect(now.body).toMatchObject({ version: 2, address: '太和村三组15号', type: 'general' });
  });

  it('lets one of two concurrent writes of the same version through', async () => {
    const { household } = await createIn('village.taihe');
    const path = `/households/${household.householdId}`;
    const results = await Promise.all([
      api('village.taihe').patch(path, { version: 1, group: '一组' }),
      api('town.taihe').patch(path, { version: 1, group: '二组' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await api('county.staff').get(path)).body.version).toBe(2);
  });
});

describe('members', () => {
  it('moves a member: both histories record it and the ID now belongs to the target', async () => {
    const source = await createIn('village.taihe');
    const target = await createIn(
      'village.taihe',
      householdBody({ members: [memberBody({ name: '王五' })] }),
    );
    const daughter = source.household.members[2];
    const daughterId = source.body.members[2]?.idNumber ?? '';

    const moved = await api('village.taihe').post(
      `/households/${source.household.householdId}/members/${daughter.memberId}/move`,
      {
        version: 1,
        targetHouseholdId: target.household.householdId,
        targetVersion: 1,
        relation: 'daughter_in_law',
        reason: '婚嫁',
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.householdId).toBe(target.household.householdId);
    expect(moved.body.version).toBe(2);
    const joined = moved.body.members[1];
    expect(joined).toMatchObject({
      name: '张**',
      idNumber: masked(daughterId),
      relation: 'daughter_in_law',
      status: 'active',
      movedFromHouseholdId: source.household.householdId,
      schooling: 'junior',
    });

    const left = (await api('county.staff').get(`/households/${source.household.householdId}`)).body;
    expect(left.version).toBe(2);
    expect(left.members).toHaveLength(3);
    expect(left.members[2]).toMatchObject({
      memberId: daughter.memberId,
      status: 'left',
      leftReason: 'moved',
      leftNote: '婚嫁',
      movedToHouseholdId: target.household.householdId,
    });

    const sourceHistory = await historyOf(source.household.householdId);
    const targetHistory = await historyOf(target.household.householdId);
    expect(sourceHistory.map((h) => h.action)).toEqual(['household.created', 'member.moved_out']);
    expect(targetHistory.map((h) => h.action)).toEqual(['household.created', 'member.moved_in']);
    expect(targetHistory[1]?.after[`members.${joined.memberId}.idNumber`]).toBe(masked(daughterId));

    const backToSource = await api('village.taihe').post(
      `/households/${source.household.householdId}/members`,
      {
        version: 2,
        member: memberBody({ relation: 'daughter', idNumber: daughterId }),
      },
    );
    expect(backToSource.status).toBe(409);
    expect(backToSource.body.code).toBe('RESIDENT_ID_TAKEN');
    const targetIdentity = await api('county.staff').get(
      `/households/${target.household.householdId}/identity`,
    );
    expect(targetIdentity.body.members[1].idNumber).toBe(daughterId);
  });

  it('refuses to move the head before a new head is named, and to move into another village for a village cadre', async () => {
    const source = await createIn('village.taihe');
    const target = await createIn(
      'village.taihe',
      householdBody({ members: [memberBody({ name: '王五' })] }),
    );
    const head = source.household.members[0];
    const headMove = await api('village.taihe').post(
      `/households/${source.household.householdId}/members/${head.memberId}/move`,
      {
        version: 1,
        targetHouseholdId: target.household.householdId,
        targetVersion: 1,
        relation: 'son',
        reason: '分户',
      },
    );
    expect(headMove.status).toBe(409);
    expect(headMove.body.code).toBe('HEAD_MUST_BE_REPLACED');

    const elsewhere = await createIn(
      'village.shaojialong',
      householdBody({ villageCode: SHAOJIALONG_VILLAGE }),
    );
    const outOfScope = await api('village.taihe').post(
      `/households/${source.household.householdId}/members/${source.household.members[2].memberId}/move`,
      {
        version: 1,
        targetHouseholdId: elsewhere.household.householdId,
        targetVersion: 1,
        relation: 'son',
        reason: '分户',
      },
    );
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.body.message).toBe('迁入户不存在或不在您的管辖范围内');
  });

  it('keeps a member who leaves, and frees the ID for another household', async () => {
    const { body, household } = await createIn('village.taihe');
    const spouse = household.members[1];
    const left = await api('village.taihe').post(
      `/households/${household.householdId}/members/${spouse.memberId}/leave`,
      { version: 1, reason: 'married_out', note: '再婚迁往邵家垅村' },
    );
    expect(left.status).toBe(200);
    expect(left.body.members).toHaveLength(3);
    expect(left.body.members[1]).toMatchObject({
      memberId: spouse.memberId,
      name: '李**',
      status: 'left',
      leftReason: 'married_out',
      leftNote: '再婚迁往邵家垅村',
    });
    expect(left.body.members[1].leftAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const list = await api('village.taihe').get(`/households?limit=200`);
    const line = list.body.items.find(
      (h: { householdId: string }) => h.householdId === household.householdId,
    );
    expect(line.memberCount).toBe(2);

    const elsewhere = await api('village.shaojialong').post(
      '/households',
      householdBody({
        villageCode: SHAOJIALONG_VILLAGE,
        members: [
          memberBody({ name: '邵大', relation: 'head' }),
          memberBody({
            name: '李四娘',
            relation: 'spouse',
            sex: 'female',
            idNumber: body.members[1]?.idNumber,
          }),
        ],
      }),
    );
    expect(elsewhere.status).toBe(201);

    const head = household.members[0];
    const headLeaves = await api('village.taihe').post(
      `/households/${household.householdId}/members/${head.memberId}/leave`,
      {
        version: 2,
        reason: 'deceased',
      },
    );
    expect(headLeaves.status).toBe(409);
    expect(headLeaves.body.code).toBe('HEAD_MUST_BE_REPLACED');
  });

  it('names a new head: the former head takes the given relation', async () => {
    const { household } = await createIn('village.taihe');
    const spouse = household.members[1];
    const result = await api('village.taihe').patch(
      `/households/${household.householdId}/members/${spouse.memberId}`,
      {
        version: 1,
        changes: { relation: 'head' },
        formerHeadRelation: 'spouse',
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.headName).toBe('李**');
    expect(result.body.members.map((m: { relation: string }) => m.relation)).toEqual([
      'spouse',
      'head',
      'daughter',
    ]);
  });
});

describe('history', () => {
  it('shows who changed what and when, oldest first, masked', async () => {
    const { household } = await createIn('village.taihe');
    const id = household.householdId;
    await api('village.taihe').patch(`/households/${id}`, {
      version: 1,
      address: '太和村三组20号',
      phone: '13900002222',
    });
    const daughter = household.members[2];
    await api('town.taihe').patch(`/households/${id}/members/${daughter.memberId}`, {
      version: 2,
      changes: { health: 'serious_illness', schooling: 'dropped_out' },
    });

    const history = await historyOf(id, 'auditor');
    expect(history.map((h) => [h.action, h.actor.username])).toEqual([
      ['household.created', 'village.taihe'],
      ['household.updated', 'village.taihe'],
      ['member.updated', 'town.taihe'],
    ]);
    expect(history[0]?.summary).toBe('新建农户：户主 张**，3 人');
    expect(history[1]).toMatchObject({
      summary: '修改农户信息：地址、联系电话',
      before: { address: '太和村三组12号', phone: '138****5678' },
      after: { address: '太和村三组20号', phone: '139****2222' },
    });
    expect(history[2]).toMatchObject({
      summary: '修改家庭成员 张**：健康状况、在校生状况',
      before: {
        [`members.${daughter.memberId}.health`]: 'healthy',
        [`members.${daughter.memberId}.schooling`]: 'junior',
      },
      after: {
        [`members.${daughter.memberId}.health`]: 'serious_illness',
        [`members.${daughter.memberId}.schooling`]: 'dropped_out',
      },
    });
    const times = history.map((h) => h.at);
    expect([...times].sort()).toEqual(times);
    expect(JSON.stringify(history)).not.toMatch(/\d{17}[\dX]/);

    const paged = await api('auditor').get(`/households/${id}/history?limit=2`);
    expect(paged.body.items).toHaveLength(2);
    const rest = await api('auditor').get(
      `/households/${id}/history?limit=2&cursor=${paged.body.nextCursor}`,
    );
    expect(rest.body.items.map((h: { action: string }) => h.action)).toEqual(['member.updated']);
    expect(rest.body.nextCursor).toBeUndefined();
  });
});

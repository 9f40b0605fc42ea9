/** Village deliberation through the API: minutes, members, subjects in the village, replays, scope. */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { fundCaseItem, type FundCase } from '../../shared/domain/fund-case.ts';
import { api } from './support/api.ts';
import { householdBody, memberBody, SHAOJIALONG_VILLAGE } from '../support/household-input.ts';
import { storedUpload } from './support/uploads.ts';

const NOW = { 'x-fpb-now': '2026-09-29T08:00:00.000Z' };
const MEMBERS = ['王书记', '李主任', '张委员', '赵组长', '刘代表'];

const post = (user: string, body: unknown) =>
  api(user).raw('POST', '/deliberations', {
    headers: { ...NOW, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const household = async (user = 'village.taihe', overrides: Record<string, unknown> = {}) => {
  const created = await api(user).post('/households', householdBody(overrides));
  expect(created.status).toBe(201);
  return created.body.householdId as string;
};

const minutes = (ownerId: string, { put = true } = {}) =>
  storedUpload('village.taihe', { kind: 'deliberation_minutes', ownerId, fileName: '评议会议记录.pdf', put });

const fundCase = async (householdId: string, status: FundCase['status']) => {
  const c: FundCase = {
    caseId: randomUUID(),
    countyCode: '420702000000',
    townCode: '420702100000',
    villageCode: '420702100201',
    householdId,
    residentId: memberBody().idNumber,
    personName: '李四娘',
    category: 'disaster',
    disasterKind: 'flood',
    eventDate: '2026-07-15',
    amountFen: 3_000_000,
    origin: 'referral',
    status,
    screenReasons: [],
    createdAt: '2026-07-20T01:00:00.000Z',
    updatedAt: '2026-09-01T01:00:00.000Z',
    version: 2,
  };
  await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: fundCaseItem(c) }));
  return c.caseId;
};

describe('village deliberation', () => {
  it('records a meeting with its minutes and outcomes; the same body again answers the first, another body 409', async () => {
    const householdId = await household();
    const caseId = await fundCase(householdId, 'awaiting_deliberation');
    const deliberationId = randomUUID();
    const body = {
      deliberationId,
      meetingDate: '2026-09-28',
      membersPresent: MEMBERS,
      minutesUploadId: await minutes(deliberationId),
      outcomes: [
        {
          subjectType: 'fund_case',
          subjectId: caseId,
          householdId,
          outcome: 'passed',
          note: '因灾：洪水冲毁房屋',
        },
        {
          subjectType: 'identification',
          subjectId: randomUUID(),
          householdId,
          outcome: 'rejected',
          note: '收入稳定',
        },
      ],
    };
    const recorded = await post('village.taihe', body);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toEqual({
      ...body,
      countyCode: '420702000000',
      townCode: '420702100000',
      villageCode: '420702100201',
      recordedBy: expect.any(String),
      recordedAt: '2026-09-29T08:00:00.000Z',
    });
    const replay = await post('village.taihe', body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(recorded.body);
    const changed = await post('village.taihe', { ...body, meetingDate: '2026-09-27' });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('DELIBERATION_EXISTS');

    expect((await api('town.taihe').get(`/deliberations/${deliberationId}`)).body).toEqual(recorded.body);
    expect((await api('village.shaojialong').get(`/deliberations/${deliberationId}`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/deliberations/${deliberationId}`)).status).toBe(404);
    const listed = await api('county.staff').get('/deliberations?villageCode=420702100201&limit=200');
    expect(listed.body.items.map((d: { deliberationId: string }) => d.deliberationId)).toContain(
      deliberationId,
    );
    expect((await api('auditor').post('/deliberations', body)).status).toBe(403);
    expect((await api('town.taihe').post('/deliberations', body)).status).toBe(403);
  });

  it('names every field that does not hold: members, minutes, households of another village, cases, the date', async () => {
    const own = await household();
    const elsewhere = await household('village.shaojialong', {
      villageCode: SHAOJIALONG_VILLAGE,
      address: '邵家垅村',
    });
    const deliberationId = randomUUID();
    const refused = await post('village.taihe', {
      deliberationId,
      meetingDate: '2026-09-30',
      membersPresent: MEMBERS.slice(0, 4),
      minutesUploadId: await minutes(randomUUID()),
      outcomes: [
        { subjectType: 'identification', subjectId: 'P-1', householdId: elsewhere, outcome: 'passed' },
        { subjectType: 'fund_case', subjectId: randomUUID(), householdId: own, outcome: 'passed' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([
      { path: 'body.meetingDate', message: '会议日期不能晚于今天' },
      { path: 'body.membersPresent', message: '参会评议人员不少于 5 人' },
      { path: 'body.minutesUploadId', message: '会议纪要须以本次评议编号（deliberationId）上传' },
      { path: 'body.outcomes.0.householdId', message: '农户不存在或不属于本村' },
      { path: 'body.outcomes.1.subjectId', message: '防贫案件不存在或不属于该农户' },
    ]);

    const pending = randomUUID();
    const pendingBody = {
      deliberationId: pending,
      meetingDate: '2026-09-28',
      membersPresent: MEMBERS,
      minutesUploadId: await minutes(pending, { put: false }),
      outcomes: [{ subjectType: 'identification', subjectId: 'P-2', householdId: own, outcome: 'rejected' }],
    };
    const noReason = await post('village.taihe', pendingBody);
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([{ path: 'body.outcomes.0.note', message: '未通过时须填写原因' }]);
    const notStored = await post('village.taihe', {
      ...pendingBody,
      outcomes: [{ ...pendingBody.outcomes[0], note: '家庭收入稳定' }],
    });
    expect(notStored.status).toBe(400);
    expect(notStored.body.issues).toEqual([
      { path: 'body.minutesUploadId', message: '会议纪要尚未上传完成' },
    ]);
  });

  it('refuses a fund case that has not finished verification (409, naming the case)', async () => {
    const householdId = await household();
    const caseId = await fundCase(householdId, 'in_verification');
    const deliberationId = randomUUID();
    const refused = await post('village.taihe', {
      deliberationId,
      meetingDate: '2026-09-28',
      membersPresent: MEMBERS,
      minutesUploadId: await minutes(deliberationId),
      outcomes: [{ subjectType: 'fund_case', subjectId: caseId, householdId, outcome: 'passed' }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CASE_NOT_AWAITING_DELIBERATION', caseIds: [caseId] });
    expect((await api('village.taihe').get(`/deliberations/${deliberationId}`)).status).toBe(404);
  });
});

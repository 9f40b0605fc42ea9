import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { fundCaseItem, referralCaseId, type FundCase } from '../../shared/domain/fund-case.ts';
import { api } from './support/api.ts';
import { householdBody } from '../support/household-input.ts';
import { storedUpload } from './support/uploads.ts';

/** A Taihe household of three, created by its village cadre. */
const newHousehold = async () => {
  const created = await api('village.taihe').post('/households', householdBody());
  expect(created.status).toBe(201);
  return created.body as { householdId: string; members: { memberId: string; relation: string }[] };
};

/** An authorization upload of the owner, put through the presigned URL; waits until stored when asked. */
const authorization = (ownerId: string, { put = true, kind = 'authorization' } = {}) =>
  storedUpload('village.taihe', { kind, ownerId, fileName: '承诺授权书.pdf', put });

const applicationBody = (householdId: string, memberId: string, authorizationUploadId: string) => ({
  householdId,
  memberId,
  category: 'illness',
  eventDate: '2026-10-08',
  amountFen: 1_250_000,
  authorizationUploadId,
  note: '住院治疗，自付较多',
});

const submitted = async () => {
  const household = await newHousehold();
  const memberId = household.members[1]?.memberId ?? '';
  const uploadId = await authorization(household.householdId);
  const created = await api('village.taihe').post(
    '/applications',
    applicationBody(household.householdId, memberId, uploadId),
  );
  expect(created.status).toBe(201);
  return { household, memberId, application: created.body };
};

describe('bottom-up applications: village → town → county → fund case', () => {
  it('goes the whole way and becomes a fund case awaiting verification, every step audited', async () => {
    const { household, memberId, application } = await submitted();
    expect(application).toMatchObject({
      householdId: household.householdId,
      memberId,
      category: 'illness',
      amountFen: 1_250_000,
      status: 'submitted',
      villageCode: '420702100201',
      townCode: '420702100000',
      countyCode: '420702000000',
      createdBy: 'village.taihe',
      version: 1,
    });
    const id = application.applicationId;

    const early = await api('county.staff').post(`/applications/${id}/forward`, { decision: 'forward' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: '须先经乡镇审核通过，县级才能转交',
    });

    const reviewed = await api('town.taihe').post(`/applications/${id}/review`, { decision: 'approve' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'town_approved', reviewedBy: 'town.taihe', version: 2 });

    const twice = await api('town.taihe').post(`/applications/${id}/review`, { decision: 'approve' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该申请已经乡镇审核通过，待县级转交');

    const forwarded = await api('county.staff').post(`/applications/${id}/forward`, { decision: 'forward' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toMatchObject({ status: 'forwarded', forwardedBy: 'county.staff', version: 3 });
    const caseId = forwarded.body.caseId as string;

    const fundCase = await api('county.staff').get(`/fund-cases/${caseId}`);
    expect(fundCase.status).toBe(200);
    expect(fundCase.body).toMatchObject({
      caseId,
      origin: 'application',
      applicationId: id,
      status: 'awaiting_verification',
      householdId: household.householdId,
      memberId,
      personName: '李**',
      category: 'illness',
      amountFen: 1_250_000,
      eventDate: '2026-10-08',
      sources: [],
    });
    expect(fundCase.body.residentId).toMatch(/^4207\*{10}[\dX]{4}$/);
    const waiting = await api('village.taihe').get('/fund-cases?status=awaiting_verification&limit=200');
    expect(waiting.body.items.some((c: { caseId: string }) => c.caseId === caseId)).toBe(true);

    const again = await api('county.staff').post(`/applications/${id}/forward`, { decision: 'forward' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STEP_OUT_OF_ORDER');

    const trail = await dynamo.send(
      new QueryCommand({
        TableName: tableName.audit(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ENTITY#application#${id}` },
      }),
    );
    expect(trail.Items?.map((i) => [i.action, i.actor.username])).toEqual([
      ['application.submitted', 'village.taihe'],
      ['application.town_approved', 'town.taihe'],
      ['application.forwarded', 'county.staff'],
    ]);
    const history = await api('county.staff').get(`/households/${household.householdId}/history?limit=50`);
    expect(history.body.items.map((i: { action: string }) => i.action)).toEqual([
      'household.created',
      'application.submitted',
      'application.town_approved',
      'application.forwarded',
    ]);
  });

  it('carries the town’s rejection reason; a rejection without a reason is 400', async () => {
    const { application } = await submitted();
    const id = application.applicationId;
    const noReason = await api('town.taihe').post(`/applications/${id}/review`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([
      { path: 'body.reason', message: '不通过时须填写可告知农户的原因' },
    ]);

    const rejected = await api('town.taihe').post(`/applications/${id}/review`, {
      decision: 'reject',
      reason: '经核实医疗费用已由大病保险全额报销',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectedStage: 'town',
      rejectionReason: '经核实医疗费用已由大病保险全额报销',
    });
    const read = await api('village.taihe').get(`/applications/${id}`);
    expect(read.body.rejectionReason).toBe('经核实医疗费用已由大病保险全额报销');
    const forward = await api('county.staff').post(`/applications/${id}/forward`, { decision: 'forward' });
    expect(forward.status).toBe(409);
    expect(forward.body.message).toBe('该申请已办结（未通过），不能再办理此步骤');
  });

  it('lets the county reject with a reason instead of forwarding (no fund case)', async () => {
    const { application } = await submitted();
    const id = application.applicationId;
    await api('town.taihe').post(`/applications/${id}/review`, { decision: 'approve' });
    const rejected = await api('county.staff').post(`/applications/${id}/forward`, {
      decision: 'reject',
      reason: '家庭人均收入远高于防贫监测线',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectedStage: 'county',
      rejectionReason: '家庭人均收入远高于防贫监测线',
    });
    expect(rejected.body.caseId).toBeUndefined();
  });

  it('refuses an authorization that is missing, of another household, not stored or of another kind (400)', async () => {
    const household = await newHousehold();
    const other = await newHousehold();
    const memberId = household.members[0]?.memberId ?? '';
    const cases = [
      randomUUID(),
      await authorization(other.householdId),
      await authorization(household.householdId, { put: false }),
      await authorization(household.householdId, { kind: 'household_evidence' }),
    ];
    const messages = [];
    for (const uploadId of cases) {
      const result = await api('village.taihe').post(
        '/applications',
        applicationBody(household.householdId, memberId, uploadId),
      );
      expect(result.status).toBe(400);
      expect(result.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.authorizationUploadId']);
      messages.push(result.body.issues[0].message);
    }
    expect(messages).toEqual([
      '未找到该户的承诺授权书上传记录',
      '未找到该户的承诺授权书上传记录',
      '承诺授权书尚未上传完成',
      '该上传文件不是承诺授权书',
    ]);
  });

  it('validates the body with field paths and the person concerned', async () => {
    const household = await newHousehold();
    const uploadId = await authorization(household.householdId);
    const bad = await api('village.taihe').post('/applications', {
      ...applicationBody(household.householdId, household.members[0]?.memberId ?? '', uploadId),
      category: 'disaster',
      amountFen: -5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.amountFen',
      'body.disasterKind',
    ]);
    const stranger = await api('village.taihe').post(
      '/applications',
      applicationBody(household.householdId, randomUUID(), uploadId),
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body.issues).toEqual([{ path: 'body.memberId', message: '该成员不是此户的在册成员' }]);
  });

  it('keeps applications in scope: other villages and towns get 404, roles are checked', async () => {
    const household = await newHousehold();
    const uploadId = await authorization(household.householdId);
    const body = applicationBody(household.householdId, household.members[0]?.memberId ?? '', uploadId);
    expect((await api('village.shaojialong').post('/applications', body)).status).toBe(404);
    expect((await api('town.taihe').post('/applications', body)).status).toBe(403);
    const created = await api('village.taihe').post('/applications', body);
    const id = created.body.applicationId as string;
    expect(
      (await api('town.donggou').post(`/applications/${id}/review`, { decision: 'approve' })).status,
    ).toBe(404);
    expect((await api('village.shaojialong').get(`/applications/${id}`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/applications/${id}`)).status).toBe(404);
    expect(
      (await api('village.taihe').post(`/applications/${id}/review`, { decision: 'approve' })).status,
    ).toBe(403);

    const mine = await api('town.taihe').get('/applications?status=submitted&limit=200');
    expect(mine.status).toBe(200);
    expect(mine.body.items.some((a: { applicationId: string }) => a.applicationId === id)).toBe(true);
    const village = await api('town.taihe').get('/applications?villageCode=420702100201&limit=200');
    expect(village.body.items.some((a: { applicationId: string }) => a.applicationId === id)).toBe(true);
    const neighbour = await api('town.taihe').get('/applications?villageCode=420702100202&limit=200');
    expect(neighbour.body.items.some((a: { applicationId: string }) => a.applicationId === id)).toBe(false);
    expect((await api('village.taihe').get('/applications?villageCode=420702100202')).status).toBe(404);
    const theirs = await api('town.donggou').get('/applications?limit=200');
    expect(theirs.body.items.some((a: { applicationId: string }) => a.applicationId === id)).toBe(false);
    const approved = await api('county.staff').get('/applications?status=town_approved&limit=200');
    expect(approved.body.items.some((a: { applicationId: string }) => a.applicationId === id)).toBe(false);
  });

  it('keeps one event one case: a screened-out referral of the same event is sent on, a waiting one linked', async () => {
    const body = householdBody();
    const created = await api('village.taihe').post('/households', body);
    const household = created.body as { householdId: string; members: { memberId: string }[] };
    const residentId = body.members[1]?.idNumber ?? '';
    const memberId = household.members[1]?.memberId ?? '';
    const referral = (eventDate: string, status: FundCase['status']): FundCase => ({
      caseId: referralCaseId({ countyCode: '420702000000', residentId, category: 'illness', eventDate }),
      countyCode: '420702000000',
      townCode: '420702100000',
      villageCode: '420702100201',
      householdId: household.householdId,
      residentId,
      personName: '李四娘',
      category: 'illness',
      eventDate,
      amountFen: 450_000,
      origin: 'referral',
      status,
      screenReasons: [],
      createdAt: '2026-10-06T01:00:00.000Z',
      updatedAt: '2026-10-06T01:00:00.000Z',
      version: 1,
    });
    const screened = referral('2026-10-08', 'screened_out');
    const waiting = referral('2026-10-20', 'awaiting_verification');
    for (const c of [screened, waiting])
      await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: fundCaseItem(c) }));

    const forwardFor = async (eventDate: string) => {
      const uploadId = await authorization(household.householdId);
      const app = await api('village.taihe').post('/applications', {
        ...applicationBody(household.householdId, memberId, uploadId),
        eventDate,
      });
      expect(app.status).toBe(201);
      const id = app.body.applicationId as string;
      expect(
        (await api('town.taihe').post(`/applications/${id}/review`, { decision: 'approve' })).status,
      ).toBe(200);
      const forwarded = await api('county.staff').post(`/applications/${id}/forward`, {
        decision: 'forward',
      });
      expect(forwarded.status).toBe(200);
      return forwarded.body as { applicationId: string; caseId: string };
    };

    const first = await forwardFor('2026-10-08');
    expect(first.caseId).toBe(screened.caseId);
    const sentOn = await api('county.staff').get(`/fund-cases/${screened.caseId}`);
    expect(sentOn.body).toMatchObject({
      origin: 'referral',
      status: 'awaiting_verification',
      applicationId: first.applicationId,
      sentOnBy: 'county.staff',
      sentOnReason: `农户申请经县级转交（申请编号 ${first.applicationId}）`,
      amountFen: 450_000,
      version: 2,
    });

    const caseTrail = await dynamo.send(
      new QueryCommand({
        TableName: tableName.audit(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ENTITY#fundCase#${screened.caseId}` },
      }),
    );
    expect(caseTrail.Items?.map((i) => [i.action, i.actor.username])).toEqual([
      ['fund_case.sent_on', 'county.staff'],
    ]);

    const second = await forwardFor('2026-10-20');
    expect(second.caseId).toBe(waiting.caseId);
    const linked = await api('county.staff').get(`/fund-cases/${waiting.caseId}`);
    expect(linked.body).toMatchObject({ status: 'awaiting_verification', version: 1 });
    expect(linked.body.applicationId).toBeUndefined();
  });
});

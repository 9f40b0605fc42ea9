/**
 * Department referrals by JSON batch (SPEC §3.1) through the gateway and the intake state machine:
 * good rows go in while bad rows come back per row; duplicates within a batch, across departments
 * and on replay make one case; pre-screening screens rows out with reasons; scope by department.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { api, localEnv } from './support/api.ts';
import { waitFor } from '../support/wait-for.ts';
import { randomResidentId, withWrongCheckDigit } from '../support/resident-ids.ts';
import {
  householdBody,
  memberBody,
  OTHER_COUNTY_VILLAGE,
  SHAOJIALONG_VILLAGE,
  TAIHE_VILLAGE,
} from '../support/household-input.ts';
import { referralCaseId } from '../../shared/domain/fund-case.ts';

const COUNTY = '420702000000';

let doc: DynamoDBDocumentClient;
beforeAll(() => {
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: localEnv().dynamoEndpoint,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
});

const row = (overrides: Record<string, unknown> = {}) => ({
  residentId: randomResidentId(),
  name: '王大锤',
  villageCode: TAIHE_VILLAGE,
  category: 'illness',
  amountFen: 800_000,
  eventDate: '2026-02-10',
  sourceRef: `YB-${randomUUID().slice(0, 8)}`,
  ...overrides,
});

const caseIdOf = (r: { residentId: string; category: string; eventDate: string }) =>
  referralCaseId({
    countyCode: COUNTY,
    residentId: r.residentId,
    category: r.category as 'illness',
    eventDate: r.eventDate,
  });

const caseItem = async (caseId: string) =>
  (
    await doc.send(
      new GetCommand({ TableName: localEnv().tables.main, Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }),
    )
  ).Item;

/** The sources of a case: the one inside the case item (the row that created it), then the source items. */
const sourcesOf = async (caseId: string) => {
  const first = await caseItem(caseId);
  const further =
    (
      await doc.send(
        new QueryCommand({
          TableName: localEnv().tables.main,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :src)',
          ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':src': 'SRC#' },
        }),
      )
    ).Items ?? [];
  const own = first?.intakeDepartment
    ? [{ department: first.intakeDepartment, sourceRef: first.intakeSourceRef, outcome: first.intakeOutcome }]
    : [];
  return [...own, ...further];
};

const finished = (username: string, submissionId: string) =>
  waitFor(
    async () => {
      const result = await api(username).get(`/submissions/${submissionId}`);
      return result.body.status === 'done' || result.body.status === 'refused' ? result.body : undefined;
    },
    { timeoutMs: 30_000, what: `submission ${submissionId} finished` },
  );

const push = (username: string, body: unknown, now?: string) =>
  api(username).raw('POST', '/submissions', {
    headers: { 'content-type': 'application/json', ...(now ? { 'x-fpb-now': now } : {}) },
    body: JSON.stringify(body),
  });

describe('a JSON batch from the medical insurance bureau', () => {
  const known = memberBody({ name: '刘能', relation: 'head', sex: 'male' });
  const onNegativeList = randomResidentId();
  const accepted = row({ name: '赵四' });
  const rows = [
    accepted,
    row({ amountFen: 300_000 }),
    row({ category: 'disaster', amountFen: 900_000 }),
    row({ residentId: withWrongCheckDigit(randomResidentId()) }),
    row({ perCapitaIncomeFen: 2_000_000 }),
    row({ residentId: onNegativeList }),
    row({ villageCode: OTHER_COUNTY_VILLAGE }),
    { ...accepted, sourceRef: `YB-${randomUUID().slice(0, 8)}` },
    row({ residentId: known.idNumber, name: '刘能', villageCode: SHAOJIALONG_VILLAGE, amountFen: 1_200_000 }),
  ];
  let submissionId = '';
  let householdId = '';

  beforeAll(async () => {
    const household = await api('county.staff').post(
      '/households',
      householdBody({ villageCode: TAIHE_VILLAGE, members: [known] }),
    );
    expect(household.status).toBe(201);
    householdId = household.body.householdId;
    const listed = await api('county.staff').post('/negative-list', {
      residentId: onNegativeList,
      reason: 'public_servant_or_legal_person',
    });
    expect(listed.status).toBe(201);
    const result = await push('dept.medical', { period: '2026-02', rows }, '2026-03-04T10:00:00+08:00');
    expect(result.status).toBe(202);
    expect(result.body.status).toBe('received');
    submissionId = result.body.submissionId;
  });

  it('ends done with exact counts, on time', async () => {
    const done = await finished('dept.medical', submissionId);
    expect(done).toMatchObject({
      status: 'done',
      channel: 'api',
      department: 'medical_insurance',
      period: '2026-02',
      dueMonth: '2026-03',
      timeliness: 'on_time',
      counts: { rows: 9, accepted: 2, rejected: 3, duplicates: 1, screenedOut: 3 },
    });
  });

  it('reports each bad row with its row number, field and zh-CN reason', async () => {
    await finished('dept.medical', submissionId);
    const errors = await api('dept.medical').get(`/submissions/${submissionId}/errors`);
    expect(errors.status).toBe(200);
    expect(errors.body.items).toEqual([
      { rowNumber: 3, field: 'disasterKind', message: '因灾事件须填写灾害类型' },
      { rowNumber: 4, field: 'residentId', message: '身份证号码校验位不正确' },
      { rowNumber: 7, field: 'villageCode', message: '该村级区划代码不存在或不属于本县' },
    ]);
    const csv = await api('dept.medical').get(`/submissions/${submissionId}/errors.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]?.startsWith('行号,列,原因')).toBe(true);
    expect(lines[1]?.startsWith('3,disasterKind,因灾事件须填写灾害类型')).toBe(true);
  });

  it('writes one case per event: accepted, screened out with reasons, the duplicate as a second source', async () => {
    await finished('dept.medical', submissionId);
    const first = await caseItem(caseIdOf(accepted));
    expect(first).toMatchObject({
      status: 'awaiting_verification',
      origin: 'referral',
      villageCode: TAIHE_VILLAGE,
      amountFen: 800_000,
      screenReasons: [],
    });
    const sources = await sourcesOf(caseIdOf(accepted));
    expect(sources.map((s) => s.outcome).sort()).toEqual(['accepted', 'duplicate']);

    const below = await caseItem(caseIdOf(rows[1] as typeof accepted));
    expect(below?.status).toBe('screened_out');
    expect(below?.screenReasons.map((r: { code: string }) => r.code)).toEqual([
      'AMOUNT_NOT_ABOVE_DEDUCTIBLE',
    ]);
    const rich = await caseItem(caseIdOf(rows[4] as typeof accepted));
    expect(rich?.screenReasons.map((r: { code: string }) => r.code)).toEqual(['INCOME_FAR_ABOVE_LINE']);
    const negative = await caseItem(caseIdOf(rows[5] as typeof accepted));
    expect(negative?.screenReasons.map((r: { code: string }) => r.code)).toEqual(['NEGATIVE_LIST']);
    expect(await caseItem(caseIdOf(rows[2] as typeof accepted))).toBeUndefined();
  });

  it('matches a known person to their household and registers an unknown one as a general household', async () => {
    await finished('dept.medical', submissionId);
    const matched = await caseItem(caseIdOf(rows[8] as typeof accepted));
    expect(matched).toMatchObject({
      householdId,
      villageCode: TAIHE_VILLAGE,
      status: 'awaiting_verification',
    });

    const created = await caseItem(caseIdOf(accepted));
    const household = await api('county.staff').get(`/households/${String(created?.householdId)}`);
    expect(household.status).toBe(200);
    expect(household.body).toMatchObject({ type: 'general', villageCode: TAIHE_VILLAGE, address: '太和村' });
    expect(household.body.members).toHaveLength(1);
    expect(household.body.members[0]).toMatchObject({ relation: 'head', status: 'active' });
  });

  it('answers the same batch posted again with the first submission, creating nothing', async () => {
    await finished('dept.medical', submissionId);
    const again = await push('dept.medical', { period: '2026-02', rows }, '2026-03-04T11:00:00+08:00');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ submissionId, status: 'done' });
    expect((await sourcesOf(caseIdOf(accepted))).length).toBe(2);
  });

  it('makes the same event pushed by civil affairs a duplicate of the same case', async () => {
    await finished('dept.medical', submissionId);
    const fresh = row({ name: '谢广坤', amountFen: 700_000 });
    const civil = await push('dept.civil', {
      period: '2026-02',
      rows: [{ ...accepted, sourceRef: 'MZ-0001', amountFen: 750_000 }, fresh],
    });
    expect(civil.status).toBe(202);
    const done = await finished('dept.civil', civil.body.submissionId);
    expect(done.counts).toEqual({ rows: 2, accepted: 1, rejected: 0, duplicates: 1, screenedOut: 0 });
    const sources = await sourcesOf(caseIdOf(accepted));
    expect(sources.map((s) => `${s.department}:${s.outcome}`).sort()).toEqual([
      'civil_affairs:duplicate',
      'medical_insurance:accepted',
      'medical_insurance:duplicate',
    ]);
    expect((await caseItem(caseIdOf(accepted)))?.amountFen).toBe(800_000);
    const detail = await api('county.staff').get(`/fund-cases/${caseIdOf(accepted)}`);
    expect(detail.status).toBe(200);
    expect(
      detail.body.sources.map((s: { department: string; sourceRef: string; amountFen: number }) =>
        [s.department, s.sourceRef, s.amountFen].join(':'),
      ),
    ).toEqual([
      `medical_insurance:${accepted.sourceRef}:800000`,
      'civil_affairs:MZ-0001:750000',
      `medical_insurance:${String(rows[7]?.sourceRef)}:${String(rows[7]?.amountFen)}`,
    ]);
  });
});

describe('who reads submissions', () => {
  let submissionId = '';
  beforeAll(async () => {
    const result = await push('dept.medical', { period: '2026-01', rows: [row()] });
    expect(result.status).toBe(202);
    submissionId = result.body.submissionId;
    await finished('dept.medical', submissionId);
  });

  it('the department itself, county staff and the auditor; not another department or county', async () => {
    expect((await api('county.staff').get(`/submissions/${submissionId}`)).status).toBe(200);
    expect((await api('auditor').get(`/submissions/${submissionId}`)).status).toBe(200);
    expect((await api('dept.civil').get(`/submissions/${submissionId}`)).status).toBe(404);
    expect((await api('dept.civil').get(`/submissions/${submissionId}/errors`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/submissions/${submissionId}`)).status).toBe(404);
    expect((await api('village.taihe').get(`/submissions/${submissionId}`)).status).toBe(403);
  });

  it('lists a department’s own submissions only', async () => {
    const civil = await api('dept.civil').get('/submissions?limit=200');
    expect(civil.status).toBe(200);
    expect(civil.body.items.every((s: { department: string }) => s.department === 'civil_affairs')).toBe(
      true,
    );
    const county = await api('county.staff').get('/submissions?limit=200');
    expect(county.body.items.map((s: { submissionId: string }) => s.submissionId)).toContain(submissionId);
  });

  it('refuses a push from a non-department role, and an empty batch', async () => {
    expect((await push('county.staff', { rows: [row()] })).status).toBe(403);
    const empty = await push('dept.medical', { rows: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.issues[0]).toMatchObject({ path: 'body.rows' });
  });
});

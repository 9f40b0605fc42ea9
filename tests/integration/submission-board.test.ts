/**
 * The submission board and the 6th's deadline check, through the gateway with the injectable
 * clock. Submissions are written as the intake writes them (`submissionItem()`), in 2031 so no
 * other test's months interfere.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { api } from './support/api.ts';
import { waitFor } from '../support/wait-for.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { submissionItem, timelinessOf, nextMonth, type Submission } from '../../shared/domain/submission.ts';
import { clearMissingSubmissionAlert, dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { openAlert } from '../../shared/domain/alert.ts';
import { handler as checkMissing } from '../../functions/board/check-missing-submissions.ts';
import type { Department } from '../../shared/auth/roles.ts';

const COUNTY = '420702000000';

const push = async (
  department: Department,
  dueMonth: string,
  receivedAt: string,
  accepted = 8,
  rejected = 2,
) => {
  const submission: Submission = {
    submissionId: randomUUID(),
    countyCode: COUNTY,
    department,
    channel: 'api',
    period: `${dueMonth.slice(0, 4)}-${String(Number(dueMonth.slice(5)) - 1).padStart(2, '0')}`,
    dueMonth,
    receivedAt,
    timeliness: timelinessOf(new Date(receivedAt), dueMonth, 5),
    status: 'done',
    contentHash: randomUUID(),
    counts: { rows: accepted + rejected, accepted, rejected, duplicates: 0, screenedOut: 0 },
    submittedBy: department,
    updatedAt: receivedAt,
  };
  expect(nextMonth(submission.period)).toBe(dueMonth);
  await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: submissionItem(submission) }));
  return submission;
};

const boardAt = (user: string, month: string, now: string) =>
  api(user).raw('GET', `/submission-board?month=${month}`, { headers: { 'x-fpb-now': now } });

const statuses = (body: { rows: { department: string; status: string }[] }) =>
  Object.fromEntries(body.rows.map((r) => [r.department, r.status]));

const openAlertKeys = async (user: string) => {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await api(user).get(`/alerts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    keys.push(...res.body.items.map((a: { kind: string; key: string }) => `${a.kind}:${a.key}`));
    cursor = res.body.nextCursor;
  } while (cursor);
  return keys;
};

describe('submission board (April 2031: medical on time, civil late on the 7th, emergency never)', () => {
  beforeAll(async () => {
    await push('medical_insurance', '2031-04', '2031-04-03T02:00:00.000Z', 8, 2);
    await push('medical_insurance', '2031-04', '2031-04-04T02:00:00.000Z', 5, 0);
  });

  it('before the due moment the others are pending and education is not expected', async () => {
    const res = await boardAt('county.staff', '2031-04', '2031-04-05T15:00:00.000Z');
    expect(res.status).toBe(200);
    expect(res.body.month).toBe('2031-04');
    expect(res.body.dueAt).toBe('2031-04-05T16:00:00.000Z');
    expect(statuses(res.body)).toEqual({
      medical_insurance: 'on_time',
      civil_affairs: 'pending',
      emergency_management: 'pending',
    });
    expect(res.body.rows[0]).toMatchObject({
      department: 'medical_insurance',
      departmentLabel: '医保局',
      expected: true,
      submissions: 2,
      rowsAccepted: 13,
      rowsRejected: 2,
      latestReceivedAt: '2031-04-04T02:00:00.000Z',
    });
  });

  it('the 6th’s check marks the missing and raises one alert each; a push on the 7th shows late and clears it', async () => {
    const run = await checkMissing({ now: '2031-04-05T16:10:00.000Z' });
    expect(run.month).toBe('2031-04');
    expect(run.missing.filter((m) => m.countyCode === COUNTY).map((m) => m.department)).toEqual([
      'civil_affairs',
      'emergency_management',
    ]);
    const again = await checkMissing({ now: '2031-04-05T16:20:00.000Z' });
    expect(again.alertsRaised).toBe(0);

    const on6th = await boardAt('auditor', '2031-04', '2031-04-06T01:00:00.000Z');
    expect(statuses(on6th.body)).toEqual({
      medical_insurance: 'on_time',
      civil_affairs: 'missing',
      emergency_management: 'missing',
    });
    expect(on6th.body.rows[1].markedMissingAt).toBe('2031-04-05T16:10:00.000Z');

    const alerts = await openAlertKeys('county.staff');
    expect(alerts).toContain('missing_submission:civil_affairs#2031-04');
    expect(alerts).toContain('missing_submission:emergency_management#2031-04');
    expect(alerts.filter((k) => k.endsWith('#2031-04'))).toHaveLength(2);
    expect(await openAlertKeys('town.taihe')).toContain('missing_submission:civil_affairs#2031-04');
    const one = await api('county.staff').get('/alerts?limit=200');
    expect(one.body.items.find((a: { key: string }) => a.key === 'civil_affairs#2031-04')).toMatchObject({
      countyCode: COUNTY,
      scopeCode: COUNTY,
      status: 'open',
      raisedAt: '2031-04-05T16:10:00.000Z',
      title: '民政局未按时报送转介数据（2031年4月）',
      links: [{ type: 'submission_board', id: '2031-04' }],
    });

    // Civil affairs pushes on the 7th; the intake clears the alert.
    await push('civil_affairs', '2031-04', '2031-04-07T02:00:00.000Z', 4, 1);
    expect(
      await clearMissingSubmissionAlert(COUNTY, 'civil_affairs', '2031-04', new Date('2031-04-07T02:00:00Z')),
    ).toBe(true);
    const on7th = await boardAt('county.staff', '2031-04', '2031-04-07T03:00:00.000Z');
    expect(statuses(on7th.body)).toEqual({
      medical_insurance: 'on_time',
      civil_affairs: 'late',
      emergency_management: 'missing',
    });
    expect(on7th.body.rows[1]).toMatchObject({ rowsAccepted: 4, rowsRejected: 1, submissions: 1 });
    const after = await openAlertKeys('auditor');
    expect(after).not.toContain('missing_submission:civil_affairs#2031-04');
    expect(after).toContain('missing_submission:emergency_management#2031-04');
  });

  it('a late push through POST /submissions (the intake) shows late and clears the alert', async () => {
    const at = '2031-04-08T02:00:00.000Z';
    const push = await api('dept.emergency').raw('POST', '/submissions', {
      headers: { 'content-type': 'application/json', 'x-fpb-now': at },
      body: JSON.stringify({ period: '2031-03', rows: [{ residentId: 'not-an-id', name: '测试' }] }),
    });
    expect(push.status).toBe(202);
    const done = await waitFor(
      async () => {
        const res = await api('dept.emergency').get(`/submissions/${push.body.submissionId}`);
        return res.body.status === 'done' ? res.body : undefined;
      },
      { timeoutMs: 20_000, what: 'the intake to finish' },
    );
    expect(done.counts).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
    const board = await boardAt('county.staff', '2031-04', '2031-04-08T03:00:00.000Z');
    expect(board.body.rows[2]).toMatchObject({
      department: 'emergency_management',
      status: 'late',
      submissions: 1,
      rowsAccepted: 0,
      rowsRejected: 1,
      latestReceivedAt: at,
      markedMissingAt: '2031-04-05T16:10:00.000Z',
    });
    expect(await openAlertKeys('county.staff')).not.toContain(
      'missing_submission:emergency_management#2031-04',
    );
  });

  it('a department sees only its own row; other roles are refused', async () => {
    const medical = await boardAt('dept.medical', '2031-04', '2031-04-07T03:00:00.000Z');
    expect(medical.status).toBe(200);
    expect(medical.body.rows.map((r: { department: string }) => r.department)).toEqual(['medical_insurance']);
    const civil = await boardAt('dept.civil', '2031-04', '2031-04-07T03:00:00.000Z');
    expect(civil.body.rows).toHaveLength(1);
    expect(civil.body.rows[0]).toMatchObject({
      department: 'civil_affairs',
      status: 'late',
      rowsAccepted: 4,
    });
    expect((await api('village.taihe').get('/submission-board')).status).toBe(403);
    expect((await api('dept.medical').get('/alerts')).status).toBe(403);
    expect((await api('other.county.staff').get('/submission-board?month=2031-04')).body.rows).toEqual([
      expect.objectContaining({ department: 'medical_insurance', status: 'missing', submissions: 0 }),
      expect.objectContaining({ department: 'civil_affairs', status: 'missing', submissions: 0 }),
      expect.objectContaining({ department: 'emergency_management', status: 'missing', submissions: 0 }),
    ]);
  });

  it('education is expected in March 2031 and marked missing there', async () => {
    await checkMissing({ now: '2031-03-05T16:10:00.000Z' });
    const march = await boardAt('county.staff', '2031-03', '2031-03-06T01:00:00.000Z');
    expect(statuses(march.body)).toEqual({
      medical_insurance: 'missing',
      civil_affairs: 'missing',
      emergency_management: 'missing',
      education: 'missing',
    });
    expect(await openAlertKeys('county.staff')).toContain('missing_submission:education#2031-03');
  });

  it('defaults to the current Asia/Shanghai month and refuses a bad month with its field path', async () => {
    const res = await api('county.staff').raw('GET', '/submission-board', {
      headers: { 'x-fpb-now': '2031-04-30T17:00:00.000Z' },
    });
    expect(res.body.month).toBe('2031-05');
    const bad = await api('county.staff').get('/submission-board?month=2031-13');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'query.month', message: '月份格式应为 YYYY-MM' }]);
  });
});

describe('alert store: one open alert per kind and key, lists by county and by town', () => {
  const raiseAt = (key: string, scopeCode: string, raisedAt: string) =>
    dynamoAlertStore.raise(
      openAlert({
        kind: 'missing_submission',
        key,
        scopeCode,
        raisedAt,
        title: '测试预警',
        detail: '测试',
        links: [{ type: 'household', id: key }],
      }),
    );

  it('raising twice is one alert; after clearing it can be raised again', async () => {
    const key = `test-${randomUUID()}`;
    expect(await raiseAt(key, '420702100201', '2031-06-01T00:00:00.000Z')).toBe(true);
    expect(await raiseAt(key, '420702100201', '2031-06-02T00:00:00.000Z')).toBe(false);
    expect((await dynamoAlertStore.get(COUNTY, 'missing_submission', key))?.raisedAt).toBe(
      '2031-06-01T00:00:00.000Z',
    );
    expect(await dynamoAlertStore.clear(COUNTY, 'missing_submission', key, '2031-06-03T00:00:00.000Z')).toBe(
      true,
    );
    expect(await dynamoAlertStore.clear(COUNTY, 'missing_submission', key, '2031-06-04T00:00:00.000Z')).toBe(
      false,
    );
    expect(await dynamoAlertStore.get(COUNTY, 'missing_submission', key)).toMatchObject({
      status: 'cleared',
      clearedAt: '2031-06-03T00:00:00.000Z',
    });
    expect(await raiseAt(key, '420702100201', '2031-06-05T00:00:00.000Z')).toBe(true);
    const reopened = await dynamoAlertStore.get(COUNTY, 'missing_submission', key);
    expect(reopened?.status).toBe('open');
    expect(reopened?.clearedAt).toBeUndefined();
  });

  it('a town sees its villages’ alerts and the county-wide ones, not another town’s; pages cross both', async () => {
    const id = randomUUID();
    await raiseAt(`taihe-village-${id}`, '420702100202', '2031-07-01T00:00:00.000Z');
    await raiseAt(`taihe-town-${id}`, '420702100000', '2031-07-02T00:00:00.000Z');
    await raiseAt(`donggou-${id}`, '420702101201', '2031-07-03T00:00:00.000Z');
    await raiseAt(`county-${id}`, COUNTY, '2031-07-04T00:00:00.000Z');
    const taihe = (await openAlertKeys('town.taihe')).filter((k) => k.endsWith(id));
    expect(taihe).toEqual([
      `missing_submission:county-${id}`,
      `missing_submission:taihe-town-${id}`,
      `missing_submission:taihe-village-${id}`,
    ]);
    const donggou = (await openAlertKeys('town.donggou')).filter((k) => k.endsWith(id));
    expect(donggou).toEqual([`missing_submission:county-${id}`, `missing_submission:donggou-${id}`]);
    const county = (await openAlertKeys('county.staff')).filter((k) => k.endsWith(id));
    expect(county).toHaveLength(4);
    expect((await api('other.county.staff').get('/alerts?limit=200')).body.items).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ key: `county-${id}` })]),
    );
    const bad = await api('town.taihe').get('/alerts?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }]);
  });
});

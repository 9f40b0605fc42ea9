/**
 * Deliberation → public notice → objections → close, through the API with an injected clock
 * (`x-fpb-now`; the schedule's function with its `now` input). Each test builds its own
 * households, cases and uploads, so the file runs again and again on the same database.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { noticeStore } from '../../shared/adapters/notice-store.ts';
import { fundCaseItem, type FundCase } from '../../shared/domain/fund-case.ts';
import { handler as closeDueNotices } from '../../functions/notices/close-due-notices.ts';
import { api } from './support/api.ts';
import { householdBody, memberBody } from '../support/household-input.ts';
import { storedUpload } from './support/uploads.ts';

const at = (iso: string) => ({ 'x-fpb-now': new Date(iso).toISOString() });

/** A JSON call as `user` at the given moment. */
const call = async (user: string, method: string, path: string, now: string, body?: unknown) =>
  api(user).raw(method, path, {
    headers: { ...at(now), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const newHousehold = async (members = 3) => {
  const body = householdBody();
  const created = await api('village.taihe').post('/households', {
    ...body,
    members: body.members.slice(0, members),
  });
  expect(created.status).toBe(201);
  return created.body as {
    householdId: string;
    headName: string;
    members: { memberId: string; idNumber: string; relation: string }[];
  };
};

/** The household's head resident ID in full, read through the audited identity route. */
const headIdOf = async (householdId: string): Promise<string> => {
  const identity = await api('village.taihe').get(`/households/${householdId}/identity`);
  expect(identity.status).toBe(200);
  const head = (identity.body.members as { relation: string; idNumber: string }[]).find(
    (m) => m.relation === 'head',
  );
  return head?.idNumber ?? '';
};

const upload = (user: string, kind: string, ownerId: string) => storedUpload(user, { kind, ownerId });

const auditTrail = async (pk: string) =>
  (
    await dynamo.send(
      new QueryCommand({
        TableName: tableName.audit(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    )
  ).Items ?? [];

const MEMBERS = ['王书记', '李主任', '张委员', '赵组长', '刘代表'];

/** A fund case of the household waiting for deliberation (as verification leaves it). */
const caseAwaiting = async (householdId: string, status: FundCase['status'] = 'awaiting_deliberation') => {
  const fundCase: FundCase = {
    caseId: randomUUID(),
    countyCode: '420702000000',
    townCode: '420702100000',
    villageCode: '420702100201',
    householdId,
    residentId: memberBody().idNumber,
    personName: '张三丰',
    category: 'illness',
    eventDate: '2026-08-01',
    amountFen: 2_300_000,
    origin: 'referral',
    status,
    screenReasons: [],
    createdAt: '2026-08-10T01:00:00.000Z',
    updatedAt: '2026-09-20T01:00:00.000Z',
    version: 3,
  };
  await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: fundCaseItem(fundCase) }));
  return fundCase.caseId;
};

type Outcome = {
  subjectType: string;
  subjectId: string;
  householdId: string;
  outcome: string;
  note?: string;
};

const deliberate = async (outcomes: Outcome[], now = '2026-09-29T15:00:00+08:00') => {
  const deliberationId = randomUUID();
  const minutesUploadId = await upload('village.taihe', 'deliberation_minutes', deliberationId);
  const body = {
    deliberationId,
    meetingDate: now.slice(0, 10),
    membersPresent: MEMBERS,
    minutesUploadId,
    outcomes,
  };
  const recorded = await call('village.taihe', 'POST', '/deliberations', now, body);
  expect(recorded.status).toBe(201);
  return { deliberationId, body };
};

const POSTED = '2026-09-30T10:00:00+08:00';

/** Three Taihe households with fund cases, deliberated (two passed, one rejected) and posted on 2026-09-30. */
const posted = async () => {
  const households = [await newHousehold(3), await newHousehold(2), await newHousehold(1)];
  const caseIds = await Promise.all(households.map((h) => caseAwaiting(h.householdId)));
  const { deliberationId } = await deliberate([
    {
      subjectType: 'fund_case',
      subjectId: caseIds[0] ?? '',
      householdId: households[0]?.householdId ?? '',
      outcome: 'passed',
      note: '因病：住院自付费用高',
    },
    {
      subjectType: 'fund_case',
      subjectId: caseIds[1] ?? '',
      householdId: households[1]?.householdId ?? '',
      outcome: 'passed',
    },
    {
      subjectType: 'fund_case',
      subjectId: caseIds[2] ?? '',
      householdId: households[2]?.householdId ?? '',
      outcome: 'rejected',
      note: '有稳定工资收入',
    },
  ]);
  const body = {
    noticeId: randomUUID(),
    deliberationId,
    kind: 'fund',
    subjectIds: [caseIds[0], caseIds[1]],
    objectionContact: '村委会 0711-1234567 <b>（工作日）</b>',
  };
  const notice = await call('village.taihe', 'POST', '/notices', POSTED, body);
  expect(notice.status).toBe(201);
  return { households, caseIds, deliberationId, body, notice: notice.body };
};

describe('public notice of a fund deliberation', () => {
  it('is posted with rows from the registry and an end counted over National Day; a replay answers the same', async () => {
    const { households, caseIds, body, notice } = await posted();
    expect(notice).toMatchObject({
      kind: 'fund',
      villageCode: '420702100201',
      townCode: '420702100000',
      status: 'posted',
      periodDays: 7,
      workingDays: false,
      postedAt: '2026-09-30T02:00:00.000Z',
      firstDay: '2026-10-01',
      lastDay: '2026-10-08',
      endsAt: '2026-10-08T16:00:00.000Z',
      calendarMissing: [],
      objectionsOpen: 0,
      objectionsTotal: 0,
      version: 1,
    });
    const headId = await headIdOf(households[0]?.householdId ?? '');
    expect(notice.subjects).toEqual([
      {
        subjectType: 'fund_case',
        subjectId: caseIds[0],
        householdId: households[0]?.householdId,
        headNameMasked: '张**',
        residentIdMasked: `${headId.slice(0, 4)}**********${headId.slice(-4)}`,
        householdSize: 3,
        risk: '因病：住院自付费用高',
        status: 'listed',
      },
      expect.objectContaining({ subjectId: caseIds[1], householdSize: 2, risk: '因病', status: 'listed' }),
    ]);

    const replay = await call('village.taihe', 'POST', '/notices', '2026-09-30T11:00:00+08:00', body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(notice);
    const other = await call('village.taihe', 'POST', '/notices', POSTED, {
      ...body,
      subjectIds: [caseIds[0]],
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('NOTICE_EXISTS');

    const again = await call('village.taihe', 'POST', '/notices', POSTED, {
      ...body,
      noticeId: randomUUID(),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SUBJECT_ON_NOTICE');

    const outcome = await noticeStore.subjectOutcome('fund_case', caseIds[0] ?? '');
    expect(outcome).toEqual({
      subjectType: 'fund_case',
      subjectId: caseIds[0],
      noticeId: notice.noticeId,
      kind: 'fund',
      noticeStatus: 'posted',
      subjectStatus: 'listed',
      endsAt: '2026-10-08T16:00:00.000Z',
    });
  });

  it('refuses a subject the deliberation rejected or did not decide, naming it', async () => {
    const { caseIds, deliberationId } = await posted();
    const refused = await call('village.taihe', 'POST', '/notices', POSTED, {
      noticeId: randomUUID(),
      deliberationId,
      kind: 'fund',
      subjectIds: [caseIds[2], 'not-deliberated'],
      objectionContact: '村委会',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([
      { path: 'body.subjectIds.0', message: '该对象未在本次评议中以“防贫保障”评议通过' },
      { path: 'body.subjectIds.1', message: '该对象未在本次评议中以“防贫保障”评议通过' },
    ]);
  });

  it('prints an A4 zh-CN page with masked IDs only, every value escaped', async () => {
    const { households, notice } = await posted();
    const page = await api('town.taihe').get(`/notices/${notice.noticeId}/print`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = String(page.body);
    const headId = await headIdOf(households[0]?.householdId ?? '');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<h1>公示</h1>');
    expect(html).toContain('太和镇太和村防贫保障对象名单');
    expect(html).toContain('公示期：2026年10月1日至2026年10月8日（7日，截至2026年10月8日24时）');
    expect(html).toContain(`${headId.slice(0, 4)}**********${headId.slice(-4)}`);
    expect(html).not.toContain(headId);
    expect(html).not.toContain('张三丰');
    expect(html).toContain('村委会 0711-1234567 &lt;b&gt;（工作日）&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('objections: upheld withdraws, dismissed keeps; no close while one is open; the schedule closes after', async () => {
    const { caseIds, notice } = await posted();
    const path = `/notices/${notice.noticeId}`;
    const objection = (subjectId: string | undefined, receivedAt: string) => ({
      objectionId: randomUUID(),
      subjectId,
      content: '该户家中有人在外务工，收入较高',
      channel: 'in_person',
      receivedAt,
    });
    const first = objection(caseIds[0], '2026-10-02T09:00:00+08:00');
    const recorded = await call(
      'village.taihe',
      'POST',
      `${path}/objections`,
      '2026-10-02T10:00:00+08:00',
      first,
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: 'open',
      subjectId: caseIds[0],
      receivedAt: '2026-10-02T01:00:00.000Z',
    });
    const replayed = await call(
      'village.taihe',
      'POST',
      `${path}/objections`,
      '2026-10-02T10:05:00+08:00',
      first,
    );
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual(recorded.body);
    const second = objection(caseIds[1], '2026-10-03T09:00:00+08:00');
    expect(
      (await call('town.taihe', 'POST', `${path}/objections`, '2026-10-03T10:00:00+08:00', second)).status,
    ).toBe(201);

    const late = objection(caseIds[1], '2026-10-09T00:30:00+08:00');
    const refusedLate = await call(
      'county.staff',
      'POST',
      `${path}/objections`,
      '2026-10-09T01:00:00+08:00',
      late,
    );
    expect(refusedLate.status).toBe(409);
    expect(refusedLate.body.code).toBe('OBJECTION_OUTSIDE_PERIOD');

    const evidence = await upload('town.taihe', 'objection_evidence', first.objectionId);
    const upheld = await call(
      'town.taihe',
      'POST',
      `${path}/objections/${first.objectionId}/resolve`,
      '2026-10-05T10:00:00+08:00',
      {
        decision: 'upheld',
        resolution: '经核实家庭人均收入高于防贫线',
        investigationNotes: '入户走访并调取工资流水',
        evidenceUploadId: evidence,
      },
    );
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({
      status: 'upheld',
      resolvedBy: expect.any(String),
      evidenceUploadId: evidence,
    });
    const again = await call(
      'county.staff',
      'POST',
      `${path}/objections/${first.objectionId}/resolve`,
      '2026-10-05T11:00:00+08:00',
      {
        decision: 'dismissed',
        resolution: '不成立',
        investigationNotes: '复查',
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('OBJECTION_RESOLVED');

    const byHand = await call('county.staff', 'POST', `${path}/close`, '2026-10-09T01:00:00+08:00');
    expect(byHand.status).toBe(409);
    expect(byHand.body).toMatchObject({ code: 'OBJECTION_OPEN', objectionsOpen: 1 });
    const stillOpen = await closeDueNotices({
      now: '2026-10-09T00:05:00+08:00',
      noticeIds: [notice.noticeId],
    });
    expect(stillOpen.closed).not.toContain(notice.noticeId);
    expect((await api('county.staff').get(path)).body.status).toBe('posted');

    const dismissed = await call(
      'county.staff',
      'POST',
      `${path}/objections/${second.objectionId}/resolve`,
      '2026-10-09T09:00:00+08:00',
      {
        decision: 'dismissed',
        resolution: '经核实外出务工收入不稳定，异议不成立',
        investigationNotes: '走访用工单位',
      },
    );
    expect(dismissed.status).toBe(200);
    const closing = await closeDueNotices({ now: '2026-10-09T10:05:00+08:00', noticeIds: [notice.noticeId] });
    expect(closing.closed).toContain(notice.noticeId);

    const closed = await api('auditor').get(path);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedAt: '2026-10-09T02:05:00.000Z',
      closedBy: 'schedule:close-notices',
      objectionsOpen: 0,
      objectionsTotal: 2,
    });
    expect(
      closed.body.subjects.map((s: { status: string; withdrawnReason?: string }) => [
        s.status,
        s.withdrawnReason,
      ]),
    ).toEqual([
      ['withdrawn', '经核实家庭人均收入高于防贫线'],
      ['listed', undefined],
    ]);
    expect(closed.body.objections.map((o: { status: string }) => o.status)).toEqual(['upheld', 'dismissed']);
    expect(await noticeStore.subjectOutcome('fund_case', caseIds[0] ?? '')).toMatchObject({
      noticeStatus: 'closed',
      subjectStatus: 'withdrawn',
      withdrawnReason: '经核实家庭人均收入高于防贫线',
    });
    expect(await noticeStore.subjectOutcome('fund_case', caseIds[1] ?? '')).toMatchObject({
      noticeStatus: 'closed',
      subjectStatus: 'listed',
    });

    expect(
      (await auditTrail(`ENTITY#notice#${notice.noticeId}`)).map((i) => [i.action, i.actor.userId]),
    ).toEqual([
      ['notice.posted', expect.any(String)],
      ['notice.objection_recorded', expect.any(String)],
      ['notice.objection_recorded', expect.any(String)],
      ['notice.objection_upheld', expect.any(String)],
      ['notice.objection_dismissed', expect.any(String)],
      ['notice.closed', 'schedule:close-notices'],
    ]);
    const household = notice.subjects[0].householdId;
    expect(
      (await auditTrail(`ENTITY#household#${household}`))
        .filter((i) => String(i.action).startsWith('notice.') || String(i.action).startsWith('deliberation.'))
        .map((i) => [i.action, i.summary]),
    ).toEqual([
      ['deliberation.recorded', '村级评议（防贫保障）：通过'],
      ['notice.posted', '张贴公示，公示期至 2026-10-08 24:00'],
      ['notice.objection_recorded', '公示期间收到异议（当面），待调查核实'],
      ['notice.objection_upheld', '异议经调查成立，撤出公示：经核实家庭人均收入高于防贫线'],
      ['notice.closed', '公示期满结束：1 户无异议或异议不成立，1 户因异议成立撤出'],
    ]);

    const twice = await closeDueNotices({ now: '2026-10-09T11:05:00+08:00', noticeIds: [notice.noticeId] });
    expect(twice.closed).not.toContain(notice.noticeId);
    const closeAgain = await call('county.staff', 'POST', `${path}/close`, '2026-10-09T12:00:00+08:00');
    expect(closeAgain.status).toBe(200);
    expect(closeAgain.body.version).toBe(closed.body.version);
    const afterClose = objection(caseIds[1], '2026-10-08T09:00:00+08:00');
    const refusedClosed = await call(
      'village.taihe',
      'POST',
      `${path}/objections`,
      '2026-10-09T12:00:00+08:00',
      afterClose,
    );
    expect(refusedClosed.status).toBe(409);
    expect(refusedClosed.body.code).toBe('NOTICE_CLOSED');
  });

  it('closes by hand only after its end', async () => {
    const { notice } = await posted();
    const early = await call(
      'county.staff',
      'POST',
      `/notices/${notice.noticeId}/close`,
      '2026-10-08T23:59:00+08:00',
    );
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'NOTICE_NOT_ENDED',
      endsAt: '2026-10-08T16:00:00.000Z',
    });
    const onTime = await call(
      'county.staff',
      'POST',
      `/notices/${notice.noticeId}/close`,
      '2026-10-09T00:00:00+08:00',
    );
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({ status: 'closed', closedAt: '2026-10-08T16:00:00.000Z', version: 2 });
  });

  it('racing objections, resolutions and closes each count once', async () => {
    const { caseIds, notice } = await posted();
    const path = `/notices/${notice.noticeId}`;
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const recorded = await Promise.all(
      ids.map((objectionId, i) =>
        call('village.taihe', 'POST', `${path}/objections`, '2026-10-03T10:00:00+08:00', {
          objectionId,
          subjectId: caseIds[i % 2],
          content: `异议 ${i + 1}`,
          channel: 'letter',
          receivedAt: '2026-10-03T09:00:00+08:00',
        }),
      ),
    );
    expect(recorded.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await api('county.staff').get(path)).body).toMatchObject({
      objectionsOpen: 3,
      objectionsTotal: 3,
      version: 4,
    });
    const resolved = await Promise.all(
      ids.map((objectionId) =>
        call(
          'county.staff',
          'POST',
          `${path}/objections/${objectionId}/resolve`,
          '2026-10-06T10:00:00+08:00',
          {
            decision: 'dismissed',
            resolution: '经核实不成立',
            investigationNotes: '走访邻居',
          },
        ),
      ),
    );
    expect(resolved.map((r) => r.status)).toEqual([200, 200, 200]);
    const closes = await Promise.all(
      [1, 2].map(() => call('county.staff', 'POST', `${path}/close`, '2026-10-09T08:00:00+08:00')),
    );
    expect(closes.map((c) => [c.status, c.body.status, c.body.version])).toEqual([
      [200, 'closed', 8],
      [200, 'closed', 8],
    ]);
    expect((await api('county.staff').get(path)).body).toMatchObject({
      objectionsOpen: 0,
      objectionsTotal: 3,
      version: 8,
    });
  });

  it('is read in scope: another village and another county get 404, the auditor reads but may not write', async () => {
    const { notice } = await posted();
    expect((await api('village.shaojialong').get(`/notices/${notice.noticeId}`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/notices/${notice.noticeId}/print`)).status).toBe(404);
    expect((await api('auditor').get(`/notices/${notice.noticeId}`)).status).toBe(200);
    expect((await api('auditor').post(`/notices/${notice.noticeId}/close`)).status).toBe(403);
    expect((await api('auditor').post('/notices', {})).status).toBe(403);
    const listed = await api('village.taihe').get(
      '/notices?status=posted&villageCode=420702100201&limit=200',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((n: { noticeId: string }) => n.noticeId)).toContain(notice.noticeId);
    expect((await api('village.shaojialong').get('/notices?villageCode=420702100201')).status).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskResidentId } from '../../shared/domain/mask.ts';
import { handler as checkOverdue } from '../../functions/verification/check-overdue-verifications.ts';
import { api } from './support/api.ts';
import { householdBody, type MemberBody } from '../support/household-input.ts';
import { randomResidentId } from '../support/resident-ids.ts';
import {
  assign,
  at,
  caseStatus,
  resultBody,
  seedAwaitingCase,
  uploadEvidence,
} from './verification-support.ts';

describe('verification: assignment and scope', () => {
  it('lists waiting cases to the manager, assigns in bulk, reports what could not be assigned', async () => {
    const [a, b] = [await seedAwaitingCase(), await seedAwaitingCase({ category: 'schooling' })];
    const queue = await api('insurer.manager').get('/verification/queue?limit=200&category=schooling');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((c: { caseId: string }) => c.caseId)).toContain(b.caseId);
    expect(queue.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(a.caseId);
    expect(queue.body.items.find((c: { caseId: string }) => c.caseId === b.caseId)).toMatchObject({
      personName: '刘**',
      ageDays: 0,
    });

    const missing = randomUUID();
    const bulk = await api('insurer.manager').post('/verification-tasks', {
      caseIds: [a.caseId, b.caseId, missing],
      adjuster: 'adjuster.wang',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.assigned.map((t: { caseId: string }) => t.caseId)).toEqual([a.caseId, b.caseId]);
    expect(bulk.body.failed).toEqual([
      { caseId: missing, code: 'NOT_FOUND', message: '案件不存在或不在您的管辖范围内' },
    ]);
    expect(bulk.body.assigned[0]).toMatchObject({ round: 1, state: 'open', adjuster: 'adjuster.wang' });
    expect((await caseStatus(a.caseId)).status).toBe('in_verification');

    const again = await api('insurer.manager').post('/verification-tasks', {
      caseIds: [a.caseId],
      adjuster: 'adjuster.li',
    });
    expect(again.body.failed[0].code).toBe('CASE_NOT_AWAITING_VERIFICATION');
    expect(
      (await api('adjuster.wang').post('/verification-tasks', { caseIds: [a.caseId], adjuster: 'x' })).status,
    ).toBe(403);
  });

  it('shows an adjuster only their own tasks; another adjuster’s task is 404', async () => {
    const [a, b] = [await seedAwaitingCase(), await seedAwaitingCase()];
    await assign(a.caseId, 'adjuster.wang');
    await assign(b.caseId, 'adjuster.li');
    const wangTasks = await api('adjuster.wang').get('/verification-tasks?state=open');
    expect(wangTasks.status).toBe(200);
    const ids = wangTasks.body.items.map((t: { caseId: string }) => t.caseId);
    expect(ids).toContain(a.caseId);
    expect(ids).not.toContain(b.caseId);
    expect(wangTasks.body.items.every((t: { adjuster: string }) => t.adjuster === 'adjuster.wang')).toBe(
      true,
    );
    // Asking for someone else's list still gives one's own.
    const spoof = await api('adjuster.wang').get('/verification-tasks?adjuster=adjuster.li');
    expect(spoof.body.items.every((t: { adjuster: string }) => t.adjuster === 'adjuster.wang')).toBe(true);

    expect((await api('adjuster.wang').get(`/verifications/${b.caseId}`)).status).toBe(404);
    expect((await api('adjuster.li').get(`/verifications/${a.caseId}`)).status).toBe(404);
    const evidence = [await uploadEvidence('adjuster.li', a.caseId)];
    expect(
      (await api('adjuster.li').post(`/verifications/${a.caseId}/results`, resultBody(evidence))).status,
    ).toBe(404);
    expect((await api('adjuster.wang').get(`/verifications/${a.caseId}`)).status).toBe(200);
    expect((await api('village.donggou').get(`/verifications/${a.caseId}`)).status).toBe(404);
    expect((await api('village.taihe').get(`/verifications/${a.caseId}`)).status).toBe(200);

    const workload = await api('insurer.manager').get('/verification/workload');
    const wang = workload.body.items.find((r: { adjuster: string }) => r.adjuster === 'adjuster.wang');
    expect(wang.open).toBeGreaterThanOrEqual(1);
  });

  it('records a reassignment in the task history; the former adjuster loses the task', async () => {
    const c = await seedAwaitingCase();
    await assign(c.caseId, 'adjuster.wang');
    const moved = await api('insurer.manager').post(`/verification-tasks/${c.caseId}/reassign`, {
      adjuster: 'adjuster.zhang',
      reason: '王核查员休假',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ adjuster: 'adjuster.zhang', round: 1, version: 2 });
    expect(moved.body.history).toEqual([
      expect.objectContaining({
        adjuster: 'adjuster.wang',
        assignedBy: 'insurer.manager',
        reason: '王核查员休假',
      }),
    ]);
    expect((await api('adjuster.wang').get(`/verifications/${c.caseId}`)).status).toBe(404);
    expect((await api('adjuster.zhang').get(`/verifications/${c.caseId}`)).status).toBe(200);
    const same = await api('insurer.manager').post(`/verification-tasks/${c.caseId}/reassign`, {
      adjuster: 'adjuster.zhang',
      reason: '重复',
    });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('SAME_ADJUSTER');
  });
});

describe('verification: results with evidence', () => {
  it('takes a full result with evidence uploaded through presigned URLs and computes income and eligibility', async () => {
    const c = await seedAwaitingCase();
    await assign(c.caseId, 'adjuster.wang');
    const evidence = [
      await uploadEvidence('adjuster.wang', c.caseId),
      await uploadEvidence('adjuster.wang', c.caseId, 'verification_evidence', 'application/pdf'),
    ];
    const receipt = await uploadEvidence('adjuster.wang', c.caseId);
    const body = resultBody(evidence, {
      expenditure: {
        category: 'illness',
        items: [{ description: '住院自付', amountFen: 1_200_000, uploadIds: [receipt] }],
      },
    });
    const submitted = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, body);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      caseId: c.caseId,
      round: 1,
      version: 1,
      income: {
        members: 3,
        a33NetFen: 2_400_000,
        a34PerCapitaFen: 800_000,
        a37AfterExpensesFen: 1_300_000,
        a38PerCapitaAfterExpensesFen: 433_333,
      },
      computed: { eligible: true, rule: 'at_or_below_line' },
      agrees: true,
      submittedBy: 'adjuster.wang',
    });
    // No registered household: every member found is proposed as an addition; IDs masked.
    expect(submitted.body.proposedChanges.map((p: { kind: string }) => p.kind)).toEqual([
      'add',
      'add',
      'add',
    ]);
    expect(submitted.body.input.membersFound[0].residentId).toBe(
      maskResidentId(body.membersFound[0]?.residentId ?? ''),
    );
    expect(submitted.body.input.membersFound[0].name).toBe('刘**');
    expect((await caseStatus(c.caseId)).status).toBe('verified');

    const file = await api('auditor').get(`/verifications/${c.caseId}`);
    expect(file.status).toBe(200);
    expect(file.body.tasks[0]).toMatchObject({ state: 'submitted', resultVersion: 1, overdue: false });
    expect(file.body.results).toHaveLength(1);
    expect(JSON.stringify(file.body)).not.toContain(body.membersFound[1]?.residentId);
  });

  it('lists differences against the registered household as proposed changes, the registry unchanged', async () => {
    const body = householdBody();
    const created = await api('village.taihe').post('/households', body);
    expect(created.status).toBe(201);
    const household = created.body;
    const [head, spouse, daughter] = body.members as [MemberBody, MemberBody, MemberBody];
    const c = await seedAwaitingCase({ householdId: household.householdId, residentId: head.idNumber });
    await assign(c.caseId, 'adjuster.wang');
    const newborn = randomResidentId();
    const found = resultBody([await uploadEvidence('adjuster.wang', c.caseId)], {
      membersFound: [
        {
          name: head.name,
          residentId: head.idNumber,
          relation: 'head',
          labour: 'general',
          health: 'healthy',
        },
        {
          name: spouse.name,
          residentId: spouse.idNumber,
          relation: 'spouse',
          labour: 'general',
          health: 'serious_illness',
        },
        { name: '张小弟', residentId: newborn, relation: 'son', labour: 'none', health: 'healthy' },
      ],
    });
    const submitted = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, found);
    expect(submitted.status).toBe(201);
    const memberId = (id: string) =>
      household.members.find((m: { idNumber: string }) => m.idNumber === maskResidentId(id))?.memberId;
    expect(submitted.body.proposedChanges).toEqual([
      {
        kind: 'update',
        memberId: memberId(spouse.idNumber),
        residentId: maskResidentId(spouse.idNumber),
        fields: ['health'],
        summary: '健康状况与登记不一致',
      },
      { kind: 'add', residentId: maskResidentId(newborn), summary: '入户发现登记中没有的家庭成员，建议增员' },
      {
        kind: 'remove',
        memberId: memberId(daughter.idNumber),
        residentId: maskResidentId(daughter.idNumber),
        summary: '登记的家庭成员入户时未核实到，建议核实是否减员',
      },
    ]);
    const after = await api('village.taihe').get(`/households/${household.householdId}`);
    expect(after.body.version).toBe(household.version);
    expect(after.body.members).toHaveLength(3);
  });

  it('shows the adjuster’s conclusion beside a computed eligibility that disagrees', async () => {
    const c = await seedAwaitingCase();
    await assign(c.caseId, 'adjuster.wang');
    const evidence = [await uploadEvidence('adjuster.wang', c.caseId)];
    const rich = resultBody(evidence, {
      income: {
        a28WagesFen: 9_000_000,
        a29BusinessFen: 0,
        a30PropertyFen: 0,
        a31TransferFen: 0,
        a32BusinessExpensesFen: 0,
      },
    });
    const submitted = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, rich);
    expect(submitted.status).toBe(201);
    expect(submitted.body.income.a38PerCapitaAfterExpensesFen).toBe(3_000_000);
    expect(submitted.body.computed).toMatchObject({ eligible: false, rule: 'above_line' });
    expect(submitted.body.input.conclusion.eligible).toBe(true);
    expect(submitted.body.agrees).toBe(false);
  });

  it('refuses evidence that does not exist or belongs to another case (400 with field paths)', async () => {
    const [c, other] = [await seedAwaitingCase(), await seedAwaitingCase()];
    await assign(c.caseId, 'adjuster.wang');
    const own = await uploadEvidence('adjuster.wang', c.caseId);
    const foreign = await uploadEvidence('adjuster.wang', other.caseId);
    const wrongKind = await uploadEvidence('adjuster.wang', c.caseId, 'reinspection_evidence');
    const result = await api('adjuster.wang').post(
      `/verifications/${c.caseId}/results`,
      resultBody([own, foreign, randomUUID(), wrongKind]),
    );
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([
      { path: 'body.evidence.1', message: '该文件不属于本案件的核查材料' },
      { path: 'body.evidence.2', message: '上传文件不存在' },
      { path: 'body.evidence.3', message: '该文件不属于本案件的核查材料' },
    ]);
    expect((await caseStatus(c.caseId)).status).toBe('in_verification');
  });

  it('refuses a visit dated in the future', async () => {
    const c = await seedAwaitingCase();
    await assign(c.caseId, 'adjuster.wang');
    const result = await at('adjuster.wang', '2026-10-19T15:59:00.000Z').post(
      `/verifications/${c.caseId}/results`,
      resultBody([randomUUID()], { visitedOn: '2026-10-20' }),
    );
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([{ path: 'body.visitedOn', message: '入户核查日期不能晚于今天' }]);
  });

  it('checks the body: two investigators, valid resident IDs', async () => {
    const c = await seedAwaitingCase();
    await assign(c.caseId, 'adjuster.wang');
    const body = resultBody([randomUUID()], { investigators: [{ name: '王核查' }] });
    body.membersFound[0] = {
      ...body.membersFound[0],
      residentId: '420702198001010011',
    } as (typeof body.membersFound)[0];
    const result = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, body);
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([
      { path: 'body.membersFound.0.residentId', message: '身份证号码校验位不正确' },
      { path: 'body.investigators', message: '至少需要两名调查人员' },
    ]);
  });

  it('answers a replayed submission with the same result; a correction is a new version, the old kept', async () => {
    const c = await seedAwaitingCase();
    await assign(c.caseId, 'adjuster.wang');
    const body = resultBody([await uploadEvidence('adjuster.wang', c.caseId)]);
    const first = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, body);
    expect(first.status).toBe(201);
    const replay = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);

    const corrected = await api('adjuster.wang').post(`/verifications/${c.caseId}/results`, {
      ...body,
      conclusion: { ...body.conclusion, reason: '更正：补充住院票据' },
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body.version).toBe(2);
    const file = await api('county.staff').get(`/verifications/${c.caseId}`);
    expect(file.body.results.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect(file.body.results[0].input.conclusion.reason).toBe(body.conclusion.reason);
    expect(file.body.tasks[0]).toMatchObject({ resultVersion: 2, submittedAt: first.body.submittedAt });
  });
});

describe('verification: deadlines', () => {
  it('shows a task past its deadline as overdue, raises an alert daily, clears it on submission', async () => {
    const c = await seedAwaitingCase();
    const twelveDaysAgo = new Date(Date.now() - 12 * 86_400_000).toISOString();
    const task = await assign(c.caseId, 'adjuster.li', twelveDaysAgo);
    expect(task.deadline).toBe(new Date(Date.parse(twelveDaysAgo) + 10 * 86_400_000).toISOString());
    const listed = await api('adjuster.li').get('/verification-tasks?state=open');
    expect(listed.body.items.find((t: { caseId: string }) => t.caseId === c.caseId).overdue).toBe(true);

    const swept = await checkOverdue({ caseIds: [c.caseId] });
    expect(swept.overdue).toBeGreaterThanOrEqual(1);
    const key = `${c.caseId}#1`;
    const open = await api('county.staff').get('/alerts?limit=200');
    expect(open.body.items.find((a: { key: string }) => a.key === key)).toMatchObject({
      kind: 'verification_overdue',
      scopeCode: c.villageCode,
      links: [
        { type: 'verification_task', id: key },
        { type: 'fund_case', id: c.caseId },
      ],
    });
    expect((await checkOverdue({ caseIds: [c.caseId] })).raised).toBe(0);

    const evidence = [await uploadEvidence('adjuster.li', c.caseId)];
    expect(
      (await at('adjuster.li').post(`/verifications/${c.caseId}/results`, resultBody(evidence))).status,
    ).toBe(201);
    const after = await api('county.staff').get('/alerts?limit=200');
    expect(after.body.items.some((a: { key: string }) => a.key === key)).toBe(false);
  });
});

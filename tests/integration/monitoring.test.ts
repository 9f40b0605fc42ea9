/**
 * Dynamic monitoring through the gateway with the injectable clock (`x-fpb-now`, in 2026, the demo
 * year, whose configuration and holiday calendar are loaded): leads, identification on time and overdue, the green
 * channel, a negative-list refusal, assistance with a fund payout as a measure, the elimination
 * guards, an approved elimination, a rollback and a removal, the household file in order, and the
 * scope rules. Deliberations, notices, objections and closing go through the notice engineer's API
 * (`/deliberations`, `/notices`).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import type { SubjectType } from '../../shared/domain/deliberation.ts';
import { shanghaiDate } from '../../shared/domain/shanghai-time.ts';
import { handler as checkOverdue } from '../../functions/monitoring/check-monitoring-overdue.ts';
import { monitoringDeps } from '../../functions/monitoring/deps.ts';
import { recordFundPayoutMeasure } from '../../shared/usecases/monitoring/assistance.ts';
import { leadFromFundCase } from '../../shared/usecases/monitoring/leads.ts';
import { demoUser } from '../../infra/local/demo-county.ts';
import { api } from './support/api.ts';
import { householdBody, memberBody, TAIHE_VILLAGE } from '../support/household-input.ts';
import { incomePerHead } from '../support/income.ts';
import { at, newHousehold, openIdentification, plus, upload } from './support/monitoring-flow.ts';

const COUNTY = '420702000000';

/** A deliberation of the Taihe village deciding one subject, through the notice engineer's API. */
const deliberate = async (
  subjectType: SubjectType,
  subjectId: string,
  householdId: string,
  outcome: 'passed' | 'rejected',
  now: string,
) => {
  const deliberationId = randomUUID();
  const minutesUploadId = await upload('deliberation_minutes', deliberationId);
  const recorded = await at('village.taihe', now).post('/deliberations', {
    deliberationId,
    meetingDate: shanghaiDate(new Date(now)),
    membersPresent: ['村支书', '村主任', '驻村队员', '党员代表', '村民组长'],
    minutesUploadId,
    outcomes: [
      { subjectType, subjectId, householdId, outcome, note: outcome === 'passed' ? '因病' : '收入较高' },
    ],
  });
  expect(recorded.status).toBe(201);
  return deliberationId;
};

/** A notice listing one subject, posted through the notice engineer's API. */
const postNotice = async (
  kind: 'identification' | 'elimination',
  subjectId: string,
  deliberationId: string,
  now: string,
) => {
  const posted = await at('village.taihe', now).post('/notices', {
    noticeId: randomUUID(),
    deliberationId,
    kind,
    subjectIds: [subjectId],
    objectionContact: '村委会 0711-1234567',
    acknowledgeCalendarMissing: true,
  });
  expect(posted.status).toBe(201);
  return posted.body as { noticeId: string; endsAt: string; periodDays: number };
};

const closeNotice = async (noticeId: string, now: string) => {
  const closed = await at('county.staff', now).post(`/notices/${noticeId}/close`);
  expect([closed.status, closed.body]).toEqual([200, expect.anything()]);
};

const DEPARTMENT_USERS = ['dept.finance', 'dept.police', 'dept.resources', 'dept.market', 'dept.hr'];

/** Lead → identification → every step, one day apart from `t0`; returns the household and procedure. */
const identify = async (t0: string, opts: { household?: Record<string, unknown>; perHead?: number } = {}) => {
  const { household, leadId, procedureId: p } = await openIdentification(t0, opts.household);
  const id = household.householdId;
  const steps = async () => {
    const verified = await at('village.taihe', plus(t0, 1)).post(`/monitoring/procedures/${p}/verification`, {
      investigators: ['村干部甲', '驻村队员乙'],
      components: incomePerHead(opts.perHead ?? 500_000),
      risks: ['illness', 'schooling'],
    });
    expect(verified.status).toBe(200);
    expect(
      (await at('village.taihe', plus(t0, 2)).post(`/monitoring/procedures/${p}/asset-checks`)).status,
    ).toBe(200);
    const checks = (await at('county.staff', plus(t0, 2)).get(`/monitoring/procedures/${p}`)).body
      .assetCheckAnswers as { checkId: string; department: string }[];
    for (const [i, user] of DEPARTMENT_USERS.entries()) {
      const own = checks.find((c) => c.department === demoUser(user).scope.department);
      const answered = await at(user, plus(t0, 3 + i * 0.01)).post(
        `/monitoring/asset-checks/${own?.checkId}/answer`,
        { finding: 'none' },
      );
      expect(answered.status).toBe(200);
    }
    const deliberationId = await deliberate('identification', p, id, 'passed', plus(t0, 4));
    expect(
      (
        await at('village.taihe', plus(t0, 4)).post(`/monitoring/procedures/${p}/deliberation`, {
          deliberationId,
        })
      ).status,
    ).toBe(200);
    const notice = await postNotice('identification', p, deliberationId, plus(t0, 4.1));
    await closeNotice(notice.noticeId, plus(t0, 13));
    expect(
      (await at('village.taihe', plus(t0, 13.1)).post(`/monitoring/procedures/${p}/notice`)).status,
    ).toBe(200);
    expect(
      (
        await at('town.taihe', plus(t0, 13.5)).post(`/monitoring/procedures/${p}/town-review`, {
          decision: 'approve',
          signedBy: '王镇长',
        })
      ).status,
    ).toBe(200);
    const approved = await at('county.staff', plus(t0, 14)).post(
      `/monitoring/procedures/${p}/county-approval`,
      { decision: 'approve' },
    );
    expect(approved.status).toBe(200);
    return approved.body;
  };
  return { id, household, leadId, procedureId: p, steps };
};

const fileKinds = async (householdId: string) => {
  const file = await api('county.staff').get(`/households/${householdId}/file`);
  expect(file.status).toBe(200);
  return (file.body.events as { kind: string }[]).map((e) => e.kind);
};

describe('monitoring: leads and identification', () => {
  it('joins a second lead, and lets a village cadre see only the village’s leads', async () => {
    const t0 = '2026-03-01T02:00:00.000Z';
    const { id } = await newHousehold().then((h) => ({ id: h.householdId }));
    const first = await at('village.taihe', t0).post('/monitoring/leads', {
      householdId: id,
      channel: 'self_application',
      note: '农户申请',
    });
    expect(first.status).toBe(201);
    const second = await at('dept.civil', plus(t0, 1)).post('/monitoring/leads', {
      householdId: id,
      channel: 'department_alert',
      note: '民政预警',
      sourceRef: 'MZ-1',
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      leadId: first.body.leadId,
      channels: ['self_application', 'department_alert'],
      version: 2,
    });
    const wrongChannel = await api('dept.civil').post('/monitoring/leads', {
      householdId: id,
      channel: 'petition',
      note: 'x',
    });
    expect(wrongChannel.status).toBe(400);
    expect(wrongChannel.body.issues).toEqual([
      { path: 'body.channel', message: '行业部门只能报送“部门筛查预警”线索' },
    ]);
    const system = {
      identity: { userId: 'system', username: 'fund', role: 'county_staff' as const, countyCode: COUNTY },
      now: new Date(plus(t0, 2)),
    };
    const fromCase = { caseId: randomUUID(), householdId: id };
    const joined = await leadFromFundCase(monitoringDeps, system, fromCase);
    expect(await leadFromFundCase(monitoringDeps, system, fromCase)).toEqual({
      lead: joined.lead,
      joined: true,
    });
    expect(joined.lead.channels).toEqual(['self_application', 'department_alert', 'fund_case']);
    expect(joined.lead.sources.at(-1)).toMatchObject({ channel: 'fund_case', sourceRef: fromCase.caseId });
    const own = await api('village.taihe').get('/monitoring/leads?status=open&limit=200');
    expect(own.body.items.some((l: { leadId: string }) => l.leadId === first.body.leadId)).toBe(true);
    const other = await api('village.shaojialong').get('/monitoring/leads?limit=200');
    expect(other.status).toBe(200);
    expect(other.body.items.some((l: { leadId: string }) => l.leadId === first.body.leadId)).toBe(false);
    expect(other.body.items.every((l: { villageCode: string }) => l.villageCode === '420702100202')).toBe(
      true,
    );
    expect(
      (await api('village.shaojialong').get(`/monitoring/leads?villageCode=${TAIHE_VILLAGE}`)).status,
    ).toBe(404);
    expect(
      (
        await api('village.shaojialong').post('/monitoring/leads', {
          householdId: id,
          channel: 'cadre_visit',
          note: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('walks a household through identification on time, every step in order, to a monitored household', async () => {
    const t0 = '2026-03-02T02:00:00.000Z';
    const { id, procedureId: p, steps } = await identify(t0);
    const early = await at('village.taihe', t0).post(`/monitoring/procedures/${p}/deliberation`, {
      deliberationId: randomUUID(),
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: '须先完成“入户核查”步骤',
      requiredFirst: 'home_verification',
    });
    const oneInvestigator = await at('village.taihe', t0).post(`/monitoring/procedures/${p}/verification`, {
      investigators: ['村干部甲'],
      components: incomePerHead(500_000),
      risks: ['illness'],
    });
    expect(oneInvestigator.status).toBe(400);
    expect(oneInvestigator.body.issues).toEqual([
      { path: 'body.investigators', message: '入户核查至少需要两名调查人员' },
    ]);
    const approved = await steps();
    expect(approved).toMatchObject({
      status: 'completed',
      category: 'marginal',
      outcome: { result: 'approved' },
    });
    const view = await at('village.taihe', plus(t0, 15)).get(`/monitoring/households/${id}`);
    expect(view.body).toMatchObject({
      householdType: 'monitored',
      monitoring: {
        status: 'monitored',
        category: 'marginal',
        monitoredSince: plus(t0, 14),
        setupDueAt: plus(t0, 24),
      },
      setupOverdue: false,
    });
    expect(view.body.monitoring.categoryReasons).toEqual([
      '户类型为一般农户',
      '人均纯收入（A34）5,000 元，扣除刚性支出后人均（A38）5,000 元，不高于监测线 6,900 元',
      '认定为边缘易致贫户',
    ]);
    expect((await api('village.taihe').get(`/households/${id}`)).body.type).toBe('monitored');
    const lateSetup = await at('village.taihe', plus(t0, 24.5)).get(`/monitoring/households/${id}`);
    expect(lateSetup.body.setupOverdue).toBe(true);
    const swept = await checkOverdue({ now: plus(t0, 24.5), procedureIds: [approved.procedureId] });
    expect(swept.overdue).toContain(`${approved.procedureId}#setup`);
    expect(
      await dynamoAlertStore.get(COUNTY, 'procedure_overdue', `${approved.procedureId}#setup`),
    ).toMatchObject({
      status: 'open',
      title: '监测帮扶联系人或帮扶计划超时未落实',
    });
    const proc = await at('county.staff', plus(t0, 20)).get(`/monitoring/procedures/${p}`);
    expect(proc.body.schedule.map((s: { step: string; overdue: boolean }) => [s.step, s.overdue])).toEqual([
      ['home_verification', false],
      ['asset_checks', false],
      ['deliberation', false],
      ['notice', false],
      ['town_review', false],
      ['county_approval', false],
    ]);
    expect(await fileKinds(id)).toEqual([
      'lead.recorded',
      'procedure.opened',
      'verification.recorded',
      'asset_checks.requested',
      'asset_check.answered',
      'asset_check.answered',
      'asset_check.answered',
      'asset_check.answered',
      'asset_check.answered',
      'deliberation.recorded',
      'notice.recorded',
      'town_review.recorded',
      'county_approval.recorded',
      'household.monitored',
    ]);
    const html = await api('auditor').get(`/households/${id}/file/print`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<html lang="zh-CN">');
    expect(html.body).toContain('size: A4');
    expect(html.body).toContain('纳入监测：边缘易致贫户');
    expect(html.body).not.toMatch(/\d{17}[\dX]/);
  });

  it('keeps departments to their own asset checks, asks for every answer first, and lets only the county approve', async () => {
    const t0 = '2026-03-03T02:00:00.000Z';
    const { procedureId: p, id } = await identify(t0);
    await at('village.taihe', plus(t0, 1)).post(`/monitoring/procedures/${p}/verification`, {
      investigators: ['甲', '乙'],
      components: incomePerHead(500_000),
      risks: ['illness'],
    });
    await at('village.taihe', plus(t0, 2)).post(`/monitoring/procedures/${p}/asset-checks`);
    const police = await api('dept.police').get('/monitoring/asset-checks?status=requested&limit=200');
    expect(police.status).toBe(200);
    const mine = police.body.items.filter((c: { procedureId: string }) => c.procedureId === p);
    expect(mine.map((c: { department: string; subject: string }) => [c.department, c.subject])).toEqual([
      ['police', '机动车辆（公安）'],
    ]);
    expect(police.body.items.every((c: { department: string }) => c.department === 'police')).toBe(true);
    const detail = await api('dept.police').get(`/monitoring/asset-checks/${mine[0].checkId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.members.map((m: { relation: string }) => m.relation)).toEqual([
      'head',
      'spouse',
      'daughter',
    ]);
    expect(detail.body.members.every((m: { idNumber: string }) => /^\d{17}[\dX]$/.test(m.idNumber))).toBe(
      true,
    );
    const reads = await api('auditor').get('/audit/personal-data-reads?limit=200');
    expect(
      reads.body.items.some(
        (r: { entityId: string; actor: { username: string }; action: string }) =>
          r.entityId === id && r.actor.username === 'dept.police' && r.action === 'identity.read',
      ),
    ).toBe(true);
    const finance = (await api('dept.finance').get('/monitoring/asset-checks?limit=200')).body.items.find(
      (c: { procedureId: string }) => c.procedureId === p,
    );
    expect((await api('dept.police').get(`/monitoring/asset-checks/${finance.checkId}`)).status).toBe(404);
    expect(
      (
        await api('dept.police').post(`/monitoring/asset-checks/${finance.checkId}/answer`, {
          finding: 'none',
        })
      ).status,
    ).toBe(404);
    expect((await api('village.taihe').get('/monitoring/asset-checks')).status).toBe(403);
    const waiting = await at('village.taihe', plus(t0, 3)).post(`/monitoring/procedures/${p}/deliberation`, {
      deliberationId: randomUUID(),
    });
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
      message: '须先收到全部部门比对反馈（尚有 5 个部门未反馈）',
      requiredFirst: 'asset_checks',
    });
    expect(
      (
        await api('dept.finance').post(`/monitoring/asset-checks/${finance.checkId}/answer`, {
          finding: 'found',
          detail: '存款 3 万元',
        })
      ).status,
    ).toBe(200);
    const twice = await api('dept.finance').post(`/monitoring/asset-checks/${finance.checkId}/answer`, {
      finding: 'none',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_ANSWERED');
    const townOnCounty = await api('town.taihe').post(`/monitoring/procedures/${p}/county-approval`, {
      decision: 'approve',
    });
    expect(townOnCounty.status).toBe(403);
    const countyTooEarly = await api('county.staff').post(`/monitoring/procedures/${p}/county-approval`, {
      decision: 'approve',
    });
    expect(countyTooEarly.status).toBe(409);
    expect(countyTooEarly.body.message).toBe('须先完成“村级民主评议”步骤');
    expect((await api('other.county.staff').get(`/monitoring/procedures/${p}`)).status).toBe(404);
    expect((await api('village.shaojialong').get(`/households/${id}/file`)).status).toBe(404);
  });

  it('lists and alerts an identification past its step’s due date, and clears the alert when the step is done', async () => {
    const t0 = '2026-04-01T02:00:00.000Z';
    const { procedureId: p } = await identify(t0);
    const late = plus(t0, 4);
    const listed = await at('village.taihe', late).get(
      '/monitoring/procedures?status=in_progress&overdue=true&limit=200',
    );
    const mine = listed.body.items.find((i: { procedureId: string }) => i.procedureId === p);
    expect(mine.overdue).toEqual({ step: 'home_verification', dueAt: plus(mine.openedAt, 3) });
    const onTime = await at('village.taihe', plus(t0, 1)).get(
      '/monitoring/procedures?status=in_progress&overdue=true&limit=200',
    );
    expect(onTime.body.items.some((i: { procedureId: string }) => i.procedureId === p)).toBe(false);
    const swept = await checkOverdue({ now: late, procedureIds: [p] });
    expect(swept.overdue).toContain(p);
    const alert = await dynamoAlertStore.get(COUNTY, 'procedure_overdue', p);
    expect(alert).toMatchObject({
      status: 'open',
      title: '监测识别程序超时：入户核查',
      scopeCode: TAIHE_VILLAGE,
      links: [{ type: 'monitoring_procedure', id: p }, { type: 'household' }],
    });
    const again = await checkOverdue({ now: late, procedureIds: [p] });
    expect(again.overdue).toContain(p);
    const verified = await at('village.taihe', late).post(`/monitoring/procedures/${p}/verification`, {
      investigators: ['甲', '乙'],
      components: incomePerHead(500_000),
      risks: ['illness'],
    });
    expect(verified.status).toBe(200);
    expect(verified.body.steps.home_verification.at).toBe(late);
    expect((await dynamoAlertStore.get(COUNTY, 'procedure_overdue', p))?.status).toBe('cleared');
    const detail = await at('county.staff', late).get(`/monitoring/procedures/${p}`);
    expect(detail.body.schedule[0]).toMatchObject({ step: 'home_verification', doneAt: late, overdue: true });
  });

  it('refuses a household with a member on the negative list, with the reason, and files the refusal', async () => {
    const body = householdBody();
    const household = await newHousehold(body);
    const added = await api('county.staff').post('/negative-list', {
      residentId: body.members[0]?.idNumber,
      reason: 'high_value_house_or_car',
    });
    expect(added.status).toBe(201);
    const lead = await api('village.taihe').post('/monitoring/leads', {
      householdId: household.householdId,
      channel: 'petition',
      note: '信访反映',
    });
    const authorization = await upload('authorization', household.householdId);
    const refused = await api('village.taihe').post('/monitoring/identifications', {
      leadId: lead.body.leadId,
      authorizationUploadId: authorization,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'NEGATIVE_LIST',
      message: '该户家庭成员在负面清单内（拥有高价值房产或车辆），不予纳入监测',
      reasons: ['拥有高价值房产或车辆'],
    });
    expect(await fileKinds(household.householdId)).toEqual(['lead.recorded', 'procedure.refused']);
    const leads = await api('village.taihe').get('/monitoring/leads?status=closed&limit=200');
    expect(
      leads.body.items.find((l: { leadId: string }) => l.leadId === lead.body.leadId)?.closedReason,
    ).toBe(refused.body.message);
  });

  it('lets assistance come first on the green channel, marked as such, while the procedure still runs', async () => {
    const household = await newHousehold();
    const id = household.householdId;
    const lead = await api('village.taihe').post('/monitoring/leads', {
      householdId: id,
      channel: 'cadre_visit',
      note: '房屋因洪水倒塌',
    });
    const authorization = await upload('authorization', id);
    const noReason = await api('village.taihe').post('/monitoring/identifications', {
      leadId: lead.body.leadId,
      authorizationUploadId: authorization,
      greenChannel: true,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([
      { path: 'body.greenChannelReason', message: '走绿色通道须说明灾害或意外事故情况' },
    ]);
    const opened = await api('village.taihe').post('/monitoring/identifications', {
      leadId: lead.body.leadId,
      authorizationUploadId: authorization,
      greenChannel: true,
      greenChannelReason: '洪涝灾害致房屋倒塌，事实清楚',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ greenChannel: true, status: 'in_progress' });
    const measure = await api('village.taihe').post(`/monitoring/households/${id}/measures`, {
      code: 'temporary_assistance',
      risk: 'natural_disaster',
      ownerDepartment: 'civil_affairs',
      status: 'done',
      amountFen: 300_000,
    });
    expect(measure.status).toBe(201);
    expect(measure.body).toMatchObject({ greenChannel: true, field: 'A48', label: '综合保障：临时救助' });
    expect((await api('village.taihe').get(`/monitoring/households/${id}`)).body.openProcedureId).toBe(
      opened.body.procedureId,
    );
    const plain = await newHousehold();
    const refused = await api('village.taihe').post(`/monitoring/households/${plain.householdId}/measures`, {
      code: 'health',
      risk: 'illness',
      ownerDepartment: 'medical_insurance',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('该户尚未纳入监测，且未走绿色通道，不能先行录入帮扶措施');
    expect(await fileKinds(id)).toEqual(['lead.recorded', 'procedure.opened', 'measure.added']);
  });

  it('ends the identification when the notice withdrew the household after an upheld objection', async () => {
    const t0 = '2026-05-01T02:00:00.000Z';
    const { id, procedureId: p } = await identify(t0);
    await at('village.taihe', plus(t0, 1)).post(`/monitoring/procedures/${p}/verification`, {
      investigators: ['甲', '乙'],
      components: incomePerHead(500_000),
      risks: ['illness'],
    });
    await at('village.taihe', plus(t0, 1)).post(`/monitoring/procedures/${p}/asset-checks`);
    for (const user of DEPARTMENT_USERS) {
      const own = (
        await api(user).get('/monitoring/asset-checks?status=requested&limit=200')
      ).body.items.find((c: { procedureId: string }) => c.procedureId === p);
      await at(user, plus(t0, 2)).post(`/monitoring/asset-checks/${own.checkId}/answer`, { finding: 'none' });
    }
    const deliberationId = await deliberate('identification', p, id, 'passed', plus(t0, 3));
    await at('village.taihe', plus(t0, 3)).post(`/monitoring/procedures/${p}/deliberation`, {
      deliberationId,
    });
    const { noticeId } = await postNotice('identification', p, deliberationId, plus(t0, 3.1));
    const early = await at('village.taihe', plus(t0, 5)).post(`/monitoring/procedures/${p}/notice`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'NOTICE_NOT_FINISHED', noticeId });
    const objectionId = randomUUID();
    const objection = await at('village.taihe', plus(t0, 5.5)).post(`/notices/${noticeId}/objections`, {
      objectionId,
      subjectId: p,
      content: '群众反映该户有稳定经营收入',
      channel: 'in_person',
      receivedAt: plus(t0, 5.5),
    });
    expect(objection.status).toBe(201);
    const upheld = await at('town.taihe', plus(t0, 6)).post(
      `/notices/${noticeId}/objections/${objectionId}/resolve`,
      {
        decision: 'upheld',
        resolution: '经核实该户有稳定经营收入',
        investigationNotes: '入户核实并查阅市场主体登记',
      },
    );
    expect(upheld.status).toBe(200);
    const ended = await at('village.taihe', plus(t0, 12)).post(`/monitoring/procedures/${p}/notice`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', outcome: { result: 'notice_withdrawn' } });
    expect((await api('village.taihe').get(`/households/${id}`)).body.type).toBe('general');
    expect((await fileKinds(id)).slice(-2)).toEqual(['notice.recorded', 'procedure.ended']);
  });
});

describe('monitoring: assistance, elimination, rollback and removal', () => {
  it('takes a household from identification through assistance, elimination, rollback and removal; the file shows it all in order', async () => {
    const t0 = '2026-01-05T02:00:00.000Z';
    const { id, steps } = await identify(t0);
    await steps();
    let minutes = 0;
    const planned = () => plus(t0, 16 + (minutes += 1) / 1440);
    const contact = await at('village.taihe', planned()).put(`/monitoring/households/${id}/contact`, {
      name: '刘帮扶',
      phone: '13912345678',
      position: '驻村第一书记',
    });
    expect(contact.status).toBe(200);
    expect(contact.body.monitoring.contact).toMatchObject({
      name: '刘**',
      phone: '139****5678',
      position: '驻村第一书记',
    });
    const measure = (code: string, risk: string, status = 'in_progress') =>
      at('village.taihe', planned()).post(`/monitoring/households/${id}/measures`, {
        code,
        risk,
        ownerDepartment: 'medical_insurance',
        status,
      });
    expect((await measure('health', 'illness')).status).toBe(201);
    expect((await measure('temporary_assistance', 'illness')).status).toBe(201);
    const third = await measure('dibao', 'illness', 'planned');
    expect(third.body).toMatchObject({ field: 'A48', greenChannel: false, status: 'planned' });
    let view = await at('village.taihe', planned()).get(`/monitoring/households/${id}`);
    expect(view.body.planFlags.map((f: { code: string; risk: string }) => [f.code, f.risk])).toEqual([
      ['RISK_WITHOUT_MEASURE', 'schooling'],
      ['TOO_MANY_MEASURES_FOR_RISK', 'illness'],
    ]);
    expect(view.body.monitoring.setupDueAt).toBeUndefined();
    const updated = await at('village.taihe', planned()).patch(
      `/monitoring/households/${id}/measures/${third.body.measureId}`,
      { status: 'done', version: 1 },
    );
    expect(updated.body).toMatchObject({ status: 'done', version: 2 });
    expect((await measure('education_aid', 'schooling')).status).toBe(201);

    const caller = {
      identity: {
        userId: 'system',
        username: 'fund-payout',
        role: 'county_staff' as const,
        countyCode: COUNTY,
      },
      now: new Date(plus(t0, 20)),
    };
    const payout = {
      householdId: id,
      caseId: randomUUID(),
      category: 'illness' as const,
      amountFen: 1_234_500,
      paidAt: plus(t0, 20),
    };
    const recorded = await recordFundPayoutMeasure(monitoringDeps, caller, payout);
    expect(await recordFundPayoutMeasure(monitoringDeps, caller, payout)).toEqual(recorded);
    view = await api('village.taihe').get(`/monitoring/households/${id}`);
    const payoutMeasures = view.body.measures.filter(
      (m: { code: string }) => m.code === 'prevention_insurance',
    );
    expect(payoutMeasures).toEqual([
      expect.objectContaining({
        caseId: payout.caseId,
        amountFen: 1_234_500,
        status: 'done',
        risk: 'illness',
        field: 'A48',
        note: '防贫保赔付 12,345 元',
      }),
    ]);
    expect(
      (
        await at('village.taihe', plus(t0, 80)).post(`/monitoring/households/${id}/assessments`, {
          quarter: '2026-Q1',
          effect: 'good',
        })
      ).status,
    ).toBe(201);
    const twice = await at('village.taihe', plus(t0, 81)).post(`/monitoring/households/${id}/assessments`, {
      quarter: '2026-Q1',
      effect: 'fair',
    });
    expect(twice.status).toBe(409);

    const attestations = {
      measuresInPlace: true,
      assurancesStable: true,
      incomeStable: true,
      rigidExpensesSolved: true,
    };
    const tooSoon = await at('village.taihe', plus(t0, 40)).post(`/monitoring/households/${id}/elimination`, {
      method: 'assistance',
      attestations,
    });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('MONITORED_TOO_SHORT');
    expect(tooSoon.body.guards.map((g: { code: string }) => g.code)).toEqual([
      'MONITORED_TOO_SHORT',
      'INCOME_ABOVE_LINE_TOO_SHORT',
    ]);

    for (const [i, month] of ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].entries()) {
      const income = await at('village.taihe', plus(t0, 30 * (i + 1))).post(
        `/monitoring/households/${id}/incomes`,
        { month, components: incomePerHead(800_000) },
      );
      expect(income.status).toBe(201);
    }
    const proposeAt = '2026-07-20T02:00:00.000Z';
    const fiveMonths = await at('village.taihe', plus(proposeAt, -0.2)).post(
      `/monitoring/households/${id}/elimination`,
      { method: 'assistance', attestations },
    );
    expect(fiveMonths.body).toMatchObject({
      code: 'INCOME_ABOVE_LINE_TOO_SHORT',
      message: '不符合风险消除条件：收入连续高于监测线 5 个月，不足 6 个月',
    });
    await at('village.taihe', plus(proposeAt, -0.1)).post(`/monitoring/households/${id}/incomes`, {
      month: '2026-07',
      components: incomePerHead(450_000),
    });
    const belowFloor = await at('village.taihe', plus(proposeAt, -0.08)).post(
      `/monitoring/households/${id}/elimination`,
      { method: 'assistance', attestations },
    );
    expect(belowFloor.status).toBe(409);
    expect(belowFloor.body.code).toBe('INCOME_BELOW_FLOOR');
    await at('village.taihe', plus(proposeAt, -0.05)).post(`/monitoring/households/${id}/incomes`, {
      month: '2026-07',
      components: incomePerHead(800_000),
    });
    const unstable = await at('village.taihe', plus(proposeAt, -0.03)).post(
      `/monitoring/households/${id}/elimination`,
      { method: 'assistance', attestations: { ...attestations, assurancesStable: false } },
    );
    expect(unstable.body).toMatchObject({
      code: 'ASSURANCES_NOT_STABLE',
      guards: [{ code: 'ASSURANCES_NOT_STABLE', message: '“两不愁三保障”及饮水安全尚未稳定' }],
    });

    const proposed = await at('village.taihe', proposeAt).post(`/monitoring/households/${id}/elimination`, {
      method: 'assistance',
      attestations,
    });
    expect(proposed.status).toBe(201);
    const e = proposed.body.procedureId as string;
    expect(
      (await at('village.taihe', proposeAt).post(`/monitoring/procedures/${e}/asset-checks`)).status,
    ).toBe(409);
    await at('village.taihe', plus(proposeAt, 1)).post(`/monitoring/procedures/${e}/verification`, {
      investigators: ['甲', '乙'],
      components: incomePerHead(800_000),
      risks: ['illness'],
    });
    const deliberationId = await deliberate('elimination', e, id, 'passed', plus(proposeAt, 2));
    expect(
      (
        await at('village.taihe', plus(proposeAt, 2)).post(`/monitoring/procedures/${e}/deliberation`, {
          deliberationId,
        })
      ).status,
    ).toBe(200);
    const notice = await postNotice('elimination', e, deliberationId, plus(proposeAt, 2.1));
    expect(notice.periodDays).toBe(7);
    const early = await at('village.taihe', plus(proposeAt, 5)).post(`/monitoring/procedures/${e}/notice`);
    expect(early.body).toMatchObject({ code: 'NOTICE_NOT_FINISHED', noticeId: notice.noticeId });
    await closeNotice(notice.noticeId, plus(proposeAt, 11));
    expect(
      (await at('village.taihe', plus(proposeAt, 11.1)).post(`/monitoring/procedures/${e}/notice`)).status,
    ).toBe(200);
    expect(
      (
        await at('town.taihe', plus(proposeAt, 11.5)).post(`/monitoring/procedures/${e}/town-review`, {
          decision: 'approve',
          signedBy: '王镇长',
        })
      ).status,
    ).toBe(200);
    const eliminated = await at('county.staff', plus(proposeAt, 12)).post(
      `/monitoring/procedures/${e}/county-approval`,
      { decision: 'approve' },
    );
    expect(eliminated.status).toBe(200);
    view = await api('village.taihe').get(`/monitoring/households/${id}`);
    expect(view.body).toMatchObject({
      householdType: 'general',
      monitoring: {
        status: 'eliminated',
        eliminationMethod: 'assistance',
        eliminatedAt: plus(proposeAt, 12),
      },
    });

    const evidence = await upload('monitoring_evidence', id);
    const noEvidence = await at('village.taihe', plus(proposeAt, 40)).post(
      `/monitoring/households/${id}/rollback`,
      { reason: '家庭成员再次患重病', evidenceUploadIds: [] },
    );
    expect(noEvidence.status).toBe(400);
    const rollback = await at('village.taihe', plus(proposeAt, 40)).post(
      `/monitoring/households/${id}/rollback`,
      { reason: '家庭成员再次患重病，支出骤增', evidenceUploadIds: [evidence] },
    );
    expect(rollback.status).toBe(201);
    expect(
      (
        await at('town.taihe', plus(proposeAt, 41)).post(
          `/monitoring/procedures/${rollback.body.procedureId}/county-approval`,
          { decision: 'approve' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await at('county.staff', plus(proposeAt, 41)).post(
          `/monitoring/procedures/${rollback.body.procedureId}/county-approval`,
          { decision: 'approve' },
        )
      ).status,
    ).toBe(200);
    view = await api('village.taihe').get(`/monitoring/households/${id}`);
    expect(view.body).toMatchObject({
      householdType: 'monitored',
      monitoring: {
        status: 'monitored',
        category: 'marginal',
        monitoredSince: plus(proposeAt, 41),
        rollbacks: [{ reason: '家庭成员再次患重病，支出骤增', procedureId: rollback.body.procedureId }],
      },
    });
    expect(view.body.measures.length).toBe(5);
    expect(view.body.assessments.length).toBe(1);

    const removal = await at('county.staff', plus(proposeAt, 60)).post(
      `/monitoring/households/${id}/removal`,
      { reason: '核实家庭有稳定经营收入，不符合监测条件', evidenceUploadIds: [evidence] },
    );
    expect(removal.status).toBe(201);
    const removed = await at('county.staff', plus(proposeAt, 61)).post(
      `/monitoring/procedures/${removal.body.procedureId}/county-approval`,
      { decision: 'approve' },
    );
    expect(removed.status).toBe(200);
    view = await api('village.taihe').get(`/monitoring/households/${id}`);
    expect(view.body).toMatchObject({
      householdType: 'general',
      monitoring: { status: 'removed', removalReason: '核实家庭有稳定经营收入，不符合监测条件' },
    });

    const identification = [
      'lead.recorded',
      'procedure.opened',
      'verification.recorded',
      'asset_checks.requested',
      ...Array(5).fill('asset_check.answered'),
      'deliberation.recorded',
      'notice.recorded',
      'town_review.recorded',
      'county_approval.recorded',
      'household.monitored',
    ];
    expect(await fileKinds(id)).toEqual([
      ...identification,
      'contact.set',
      'measure.added',
      'measure.added',
      'measure.added',
      'measure.updated',
      'measure.added',
      'payout.recorded',
      'income.recorded',
      'income.recorded',
      'assessment.recorded',
      'income.recorded',
      'income.recorded',
      'income.recorded',
      'income.recorded',
      'income.recorded',
      'procedure.opened',
      'verification.recorded',
      'deliberation.recorded',
      'notice.recorded',
      'town_review.recorded',
      'county_approval.recorded',
      'household.eliminated',
      'procedure.opened',
      'county_approval.recorded',
      'household.rolled_back',
      'procedure.opened',
      'county_approval.recorded',
      'household.removed',
    ]);
    const history = await api('county.staff').get(`/households/${id}/history?limit=50`);
    expect(
      history.body.items
        .filter((i: { action: string }) => i.action === 'household.updated')
        .map((i: { summary: string }) => i.summary),
    ).toEqual([
      '修改农户信息：户类型（一般农户 → 监测户）',
      '修改农户信息：户类型（监测户 → 一般农户）',
      '修改农户信息：户类型（一般农户 → 监测户）',
      '修改农户信息：户类型（监测户 → 一般农户）',
    ]);
  });

  it('refuses elimination for a household with no labour ability, naming the guard', async () => {
    const t0 = '2026-02-01T02:00:00.000Z';
    const members = [
      memberBody({ name: '张老汉', relation: 'head', labour: 'lost' }),
      memberBody({ name: '李老太', relation: 'spouse', sex: 'female', labour: 'none' }),
    ];
    const { id, steps } = await identify(t0, { household: { members }, perHead: 400_000 });
    expect((await steps()).status).toBe('completed');
    const refused = await at('village.taihe', plus(t0, 200)).post(
      `/monitoring/households/${id}/elimination`,
      {
        method: 'natural',
        attestations: {
          measuresInPlace: true,
          assurancesStable: true,
          incomeStable: true,
          rigidExpensesSolved: true,
        },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NO_LABOUR_ABILITY');
    expect(refused.body.guards[0]).toEqual({
      code: 'NO_LABOUR_ABILITY',
      message: '家庭无劳动能力，不得风险消除，继续落实兜底保障并跟踪监测',
    });
  });
});

/**
 * Every existing alert kind raised and cleared through the API with the injected clock
 * (`x-fpb-now`): what raised it (title and detail naming the trigger), where it links, who sees it
 * (county staff and the auditor the county; a town official the county-wide ones and the town's; a
 * village cadre the village's; `GET /alerts/{kind}/{key}` 404 outside), and, after the action that
 * removes the cause, gone from the lists and read back `cleared` with its `clearedAt`.
 * Each kind works on records of this file's own in years no other file uses (2022 fund, 2024
 * calendar, 2029 months), and every sweep is limited to this file's records.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as checkMissingSubmissions } from '../../functions/board/check-missing-submissions.ts';
import { handler as checkOverdueVerifications } from '../../functions/verification/check-overdue-verifications.ts';
import { handler as checkMonitoringOverdue } from '../../functions/monitoring/check-monitoring-overdue.ts';
import { api } from './support/api.ts';
import { expectCleared, expectOpenInScope, readAlert } from './support/alerts.ts';
import { at, newHousehold, openIdentification, plus } from './support/monitoring-flow.ts';
import { incomePerHead } from '../support/income.ts';
import { deliberatedIdentification } from './support/notice-flow.ts';
import { assign, resultBody, seedAwaitingCase, uploadEvidence } from './verification-support.ts';
import { fundOf, proposedGreenChannelDisaster } from './payouts-flow.ts';
import { SHAOJIALONG_VILLAGE, TAIHE_VILLAGE } from '../support/household-input.ts';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { openAlert } from '../../shared/domain/alert.ts';
import { waitFor } from '../support/wait-for.ts';

const COUNTY = '420702000000';

/** County-wide alerts: the county and every town; no village. */
const COUNTY_WIDE = {
  seen: ['county.staff', 'auditor', 'town.taihe', 'town.donggou'],
  unseen: ['village.taihe', 'other.county.staff'],
};
/** Alerts of the Taihe village: the county, the Taihe town and village; not Donggou, not a neighbour. */
const TAIHE_VILLAGE_SCOPE = {
  seen: ['county.staff', 'auditor', 'town.taihe', 'village.taihe'],
  unseen: ['town.donggou', 'village.shaojialong', 'village.donggou', 'other.county.staff'],
};

/** A department's referral batch through `POST /submissions` at `now`, waited on until processed. */
const pushAt = async (user: string, period: string, now: string) => {
  const pushed = await at(user, now).post('/submissions', {
    period,
    rows: [{ residentId: 'not-an-id', name: `测试${randomUUID()}` }],
  });
  expect(pushed.status).toBe(202);
  await waitFor(
    async () => {
      const res = await api(user).get(`/submissions/${pushed.body.submissionId}`);
      return res.body.status === 'done' ? true : undefined;
    },
    { timeoutMs: 20_000, what: `the ${user} intake to finish` },
  );
};

describe('alerts: each kind raised and cleared, per scope', () => {
  it('missing_submission: the 6th’s check flags civil affairs for May 2029; its late push clears it', async () => {
    await pushAt('dept.medical', '2029-04', '2029-05-03T02:00:00.000Z');
    await pushAt('dept.emergency', '2029-04', '2029-05-04T02:00:00.000Z');
    const run = await checkMissingSubmissions({ now: '2029-05-05T16:10:00.000Z' });
    expect(run.missing.filter((m) => m.countyCode === COUNTY)).toEqual([
      { countyCode: COUNTY, department: 'civil_affairs' },
    ]);
    const key = 'civil_affairs#2029-05';
    expect(await readAlert('county.staff', 'missing_submission', key)).toEqual({
      kind: 'missing_submission',
      key,
      countyCode: COUNTY,
      scopeCode: COUNTY,
      status: 'open',
      raisedAt: '2029-05-05T16:10:00.000Z',
      title: '民政局未按时报送转介数据（2029年5月）',
      detail: '民政局应于2029年5月5日前推送上月转介数据，截止时尚未收到任何提交。',
      links: [{ type: 'submission_board', id: '2029-05' }],
    });
    await expectOpenInScope('missing_submission', key, COUNTY_WIDE);

    await pushAt('dept.civil', '2029-04', '2029-05-07T02:00:00.000Z');
    await expectCleared('missing_submission', key, '2029-05-07T02:00:00.000Z', COUNTY_WIDE.seen);
  });

  it('verification_overdue: a task past its 10 days is flagged by the sweep; the submitted result clears it', async () => {
    const c = await seedAwaitingCase({ villageCode: TAIHE_VILLAGE });
    const assignedAt = '2029-03-01T02:00:00.000Z';
    await assign(c.caseId, 'adjuster.li', assignedAt);
    const key = `${c.caseId}#1`;
    const early = await checkOverdueVerifications({ now: plus(assignedAt, 9), caseIds: [c.caseId] });
    expect(early).toEqual({ overdue: 0, raised: 0 });
    const swept = await checkOverdueVerifications({ now: plus(assignedAt, 11), caseIds: [c.caseId] });
    expect(swept).toEqual({ overdue: 1, raised: 1 });
    expect(await readAlert('town.taihe', 'verification_overdue', key)).toEqual({
      kind: 'verification_overdue',
      key,
      countyCode: COUNTY,
      scopeCode: TAIHE_VILLAGE,
      status: 'open',
      raisedAt: plus(assignedAt, 11),
      title: '入户核查超期',
      detail: '核查员 adjuster.li 的核查任务（第 1 轮）已于 2029-03-11 到期，尚未提交核查结果',
      links: [
        { type: 'verification_task', id: key },
        { type: 'fund_case', id: c.caseId },
      ],
    });
    await expectOpenInScope('verification_overdue', key, TAIHE_VILLAGE_SCOPE);

    const evidence = [await uploadEvidence('adjuster.li', c.caseId)];
    const submittedAt = plus(assignedAt, 12);
    const submitted = await at('adjuster.li', submittedAt).post(
      `/verifications/${c.caseId}/results`,
      resultBody(evidence, { visitedOn: '2029-03-12' }),
    );
    expect(submitted.status).toBe(201);
    await expectCleared('verification_overdue', key, submittedAt, TAIHE_VILLAGE_SCOPE.seen);
  });

  it('procedure_overdue: an identification whose home verification is late is flagged; recording the step clears it', async () => {
    const t0 = '2029-06-01T02:00:00.000Z';
    const { household, procedureId } = await openIdentification(t0);
    const late = plus(t0, 4);
    const swept = await checkMonitoringOverdue({ now: late, procedureIds: [procedureId] });
    expect(swept).toMatchObject({ raised: 1, cleared: 0, overdue: [procedureId] });
    const alert = await readAlert('village.taihe', 'procedure_overdue', procedureId);
    expect(alert).toMatchObject({
      scopeCode: TAIHE_VILLAGE,
      status: 'open',
      raisedAt: late,
      title: '监测识别程序超时：入户核查',
      links: [
        { type: 'monitoring_procedure', id: procedureId },
        { type: 'household', id: household.householdId },
      ],
    });
    // The step is due 3 days after the identification opened (t0 + 0.01 day = 10:14:24 Beijing time).
    expect(alert.detail).toBe('“入户核查”应于 2029-06-04 10:14 前完成，整个识别程序应在 15 天内办结');
    await expectOpenInScope('procedure_overdue', procedureId, TAIHE_VILLAGE_SCOPE);

    const verified = await at('village.taihe', late).post(
      `/monitoring/procedures/${procedureId}/verification`,
      {
        investigators: ['村干部甲', '驻村队员乙'],
        components: incomePerHead(500_000),
        risks: ['illness'],
      },
    );
    expect(verified.status).toBe(200);
    await expectCleared('procedure_overdue', procedureId, late, TAIHE_VILLAGE_SCOPE.seen);
  });

  it('calendar_missing: a notice reaching into 2024 unloaded is flagged; loading 2024 clears it', async () => {
    const { deliberationId, subjectId } = await deliberatedIdentification('2024-12-26');
    const noticeId = randomUUID();
    const postedAt = '2024-12-27T02:00:00.000Z';
    const posted = await at('village.taihe', postedAt).post('/notices', {
      noticeId,
      deliberationId,
      kind: 'identification',
      subjectIds: [subjectId],
      objectionContact: '太和村委会',
      acknowledgeCalendarMissing: true,
    });
    expect(posted.status).toBe(201);
    expect(posted.body.calendarMissing).toEqual([2024]);
    expect(await readAlert('auditor', 'calendar_missing', '2024')).toEqual({
      kind: 'calendar_missing',
      key: '2024',
      countyCode: COUNTY,
      scopeCode: COUNTY,
      status: 'open',
      raisedAt: postedAt,
      title: '2024 年节假日安排尚未载入',
      detail:
        '有公示的公示期跨入 2024 年，截止时间暂按周末推算，公示到期前不会自动结束。请载入国务院办公厅公布的 2024 年节假日安排（PUT /calendar/2024）。',
      links: [{ type: 'notice', id: noticeId }],
    });
    await expectOpenInScope('calendar_missing', '2024', COUNTY_WIDE);

    const loadedAt = '2024-12-28T01:00:00.000Z';
    const loaded = await at('county.staff', loadedAt).put('/calendar/2024', {
      source: '测试用安排（非官方）',
      holidays: [{ name: '元旦', offDays: ['2024-01-01'], workDays: [] }],
    });
    expect(loaded.status).toBe(200);
    await expectCleared('calendar_missing', '2024', loadedAt, COUNTY_WIDE.seen);
  });

  it('fund_balance_low: an approval leaving less than 10 % of the deposits flags the fund; a deposit clears it', async () => {
    const fundId = 'fund-420702-2022';
    const created = await api('finance').post('/funds', { year: 2022, name: '2022年度防贫保障基金' });
    expect(created.status).toBe(201);
    const deposit = (amountFen: number, now: string) =>
      at('finance', now).post(`/funds/${fundId}/deposits`, {
        depositId: randomUUID(),
        amountFen,
        note: '注资',
      });
    expect((await deposit(100_000, '2022-05-01T02:00:00.000Z')).status).toBe(201);
    // 70 % × (6,300 − 5,000) yuan = 910 yuan: 1,000 − 910 = 90 yuan left, under 10 % of 1,000.
    const c = await proposedGreenChannelDisaster(2022, 630_000);
    expect(c.payoutFen).toBe(91_000);
    const approvedAt = '2022-06-01T02:00:00.000Z';
    expect((await at('county.staff', approvedAt).post(`/payouts/${c.payoutId}/approve`)).status).toBe(200);
    expect(await fundOf(fundId)).toMatchObject({ availableFen: 9_000, lowBalance: true });
    expect(await readAlert('county.staff', 'fund_balance_low', fundId)).toEqual({
      kind: 'fund_balance_low',
      key: fundId,
      countyCode: COUNTY,
      scopeCode: COUNTY,
      status: 'open',
      raisedAt: approvedAt,
      title: '防贫保障基金余额不足',
      detail: '2022年度防贫保障基金可用余额 90 元，低于本年度注资 1,000 元的 10%',
      links: [{ type: 'fund', id: fundId }],
    });
    await expectOpenInScope('fund_balance_low', fundId, COUNTY_WIDE);

    const toppedUpAt = '2022-06-02T02:00:00.000Z';
    expect((await deposit(50_000, toppedUpAt)).status).toBe(201);
    expect(await fundOf(fundId)).toMatchObject({ availableFen: 59_000, lowBalance: false });
    await expectCleared('fund_balance_low', fundId, toppedUpAt, COUNTY_WIDE.seen);
  });

  it('unreachable_persons: a campaign check finding nobody flags the village, counts along, and clears when all are reached', async () => {
    const campaign = await api('county.staff').post('/campaigns', {
      name: '2029年春季预警测试排查',
      scope: { level: 'villages', codes: [TAIHE_VILLAGE] },
      incomePeriod: { from: '2029-01-01', to: '2029-03-31' },
      deadlines: { plan: '2029-03-10', fieldCheck: '2029-04-10', fixes: '2029-04-20', summary: '2029-04-30' },
    });
    expect(campaign.status).toBe(201);
    const campaignId = campaign.body.campaignId as string;
    const key = `${campaignId}#${TAIHE_VILLAGE}`;
    const [first, second] = [await newHousehold(), await newHousehold()];
    const check = (householdId: string, method: string, now: string) =>
      at('village.taihe', now).post(`/campaigns/${campaignId}/checks`, {
        householdId,
        method,
        findings: 'none',
      });
    const detail = (n: number) =>
      `“2029年春季预警测试排查”中本村有农户无人在家且无法联系（当前 ${n} 户），请再次入户或电话联系后重新录入排查结果`;

    expect((await check(first.householdId, 'unreachable', '2029-04-01T02:00:00.000Z')).status).toBe(200);
    expect(await readAlert('village.taihe', 'unreachable_persons', key)).toEqual({
      kind: 'unreachable_persons',
      key,
      countyCode: COUNTY,
      scopeCode: TAIHE_VILLAGE,
      status: 'open',
      raisedAt: '2029-04-01T02:00:00.000Z',
      title: '排查中有无法联系的农户',
      detail: detail(1),
      links: [
        { type: 'campaign', id: campaignId },
        { type: 'region', id: TAIHE_VILLAGE },
      ],
    });
    expect((await check(second.householdId, 'unreachable', '2029-04-02T02:00:00.000Z')).status).toBe(200);
    expect(await readAlert('town.taihe', 'unreachable_persons', key)).toMatchObject({
      raisedAt: '2029-04-01T02:00:00.000Z',
      detail: detail(2),
    });
    await expectOpenInScope('unreachable_persons', key, TAIHE_VILLAGE_SCOPE);

    expect((await check(first.householdId, 'in_person', '2029-04-03T02:00:00.000Z')).status).toBe(200);
    expect(await readAlert('county.staff', 'unreachable_persons', key)).toMatchObject({
      status: 'open',
      detail: detail(1),
    });
    expect((await check(second.householdId, 'phone', '2029-04-04T02:00:00.000Z')).status).toBe(200);
    await expectCleared('unreachable_persons', key, '2029-04-04T02:00:00.000Z', TAIHE_VILLAGE_SCOPE.seen);
  });

  it('pages a village’s list with checked cursors (a cursor of another list is 400)', async () => {
    const id = randomUUID();
    const keys = ['a', 'b', 'c'].map((k) => `${k}-${id}`);
    // Dated 2100 so they lead the newest-first list whatever else is open in the village.
    for (const [i, key] of keys.entries())
      await dynamoAlertStore.raise(
        openAlert({
          kind: 'procedure_overdue',
          key,
          scopeCode: SHAOJIALONG_VILLAGE,
          raisedAt: `2100-01-0${i + 1}T00:00:00.000Z`,
          title: '测试预警',
          detail: '测试',
          links: [{ type: 'region', id: SHAOJIALONG_VILLAGE }],
        }),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const res = await api('village.shaojialong').get(`/alerts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a: { key: string }) => a.key));
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual([...keys].reverse());
    const countyPage = await api('county.staff').get('/alerts?limit=1');
    const foreign = await api('village.shaojialong').get(`/alerts?cursor=${countyPage.body.nextCursor}`);
    expect([foreign.status, foreign.body.issues]).toEqual([
      400,
      [{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }],
    ]);
    for (const key of keys)
      expect(await dynamoAlertStore.clear(COUNTY, 'procedure_overdue', key, '2100-01-04T00:00:00.000Z')).toBe(
        true,
      );
  });

  it('refuses roles without alerts (403) and a bad kind with its field path (400)', async () => {
    expect((await api('dept.medical').get('/alerts/fund_balance_low/x')).status).toBe(403);
    expect((await api('adjuster.wang').get('/alerts')).status).toBe(403);
    const bad = await api('county.staff').get('/alerts/no_such_kind/x');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['params.kind']);
    expect((await api('county.staff').get('/alerts/fund_balance_low/fund-420702-1999')).status).toBe(404);
  });
});

import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.ts';
import ExcelJS from '../../shared/intake/exceljs.ts';
import { api, baseUrl, tokenFor } from './support/api.ts';
import {
  at,
  caseStatus,
  resultBody,
  seedAwaitingCase,
  uploadEvidence,
  verify,
} from './verification-support.ts';

/** A month of its own (via the clock override), so no other test's verifications are in the population. */
const YEAR = 2031 + randomInt(0, 60);
const M = `${YEAR}-05`;
const NEXT = `${YEAR}-06`;
const IN_M = `${M}-15T04:00:00.000Z`;
const IN_NEXT = `${NEXT}-10T04:00:00.000Z`;
const SEED = '5eed5eed5eed5eed5eed5eed5eed5eed';

const drawn = (planId: string) =>
  waitFor(
    async () => {
      const plan = await api('county.staff').get(`/sampling-plans/${planId}`);
      expect(plan.status).toBe(200);
      return plan.body.status === 'drawing' ? undefined : plan.body;
    },
    { timeoutMs: 30_000, what: `plan ${planId} drawn` },
  );

const reinspect = (username: string, caseId: string, eligible: boolean, perCapitaIncomeFen: number) =>
  api(username).post(`/verifications/${caseId}/reinspection`, {
    conclusion: { eligible, reason: eligible ? '复核属实' : '复核发现家庭有稳定工资收入' },
    perCapitaIncomeFen,
    notes: '入户复核',
  });

describe('sampling plans, re-inspection and quality', () => {
  it('draws a reproducible sample, re-inspects it with separation of duties, and sends a discrepancy to another adjuster', async () => {
    // Six completed verifications in month M: three by 王, three by 李 (one concluded ineligible).
    const cases = await Promise.all(Array.from({ length: 6 }, () => seedAwaitingCase()));
    const [c1, c2, c3, c4, c5, c6] = cases.map((c) => c.caseId) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    await verify(c1, 'adjuster.wang', IN_M);
    await verify(c2, 'adjuster.wang', IN_M);
    await verify(c3, 'adjuster.wang', IN_M, {
      investigators: [
        { name: '王核查', username: 'adjuster.wang' },
        { name: '县乡村振兴局 王科长', username: 'county.staff' },
      ],
    });
    await verify(c4, 'adjuster.li', IN_M);
    await verify(c5, 'adjuster.li', IN_M);
    await verify(c6, 'adjuster.li', IN_M, {
      income: {
        a28WagesFen: 6_000_000,
        a29BusinessFen: 0,
        a30PropertyFen: 0,
        a31TransferFen: 0,
        a32BusinessExpensesFen: 0,
      },
      conclusion: { eligible: false, proposedCategory: 'illness', reason: '家庭有稳定工资收入' },
    });

    // The plan: 20 % (⌈1.2⌉ = 2), at least one per adjuster, two hand-picked cases.
    const created = await api('county.staff').post('/sampling-plans', {
      month: M,
      method: { kind: 'rate', rate: 0.2 },
      minPerAdjuster: 1,
      handPicked: [c1, c3],
      seed: SEED,
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      status: 'drawing',
      seed: SEED,
      seedGenerated: false,
      from: `${M}-01`,
      to: `${M}-31`,
    });
    const plan = await drawn(created.body.planId);
    expect(plan).toMatchObject({ status: 'drawn', populationSize: 6, baseSize: 2, raisedAdjusters: [] });
    const reasons = Object.fromEntries(
      plan.sample.map((s: { caseId: string; reason: string }) => [s.caseId, s.reason]),
    );
    expect(reasons[c1]).toBe('hand_picked');
    expect(reasons[c3]).toBe('hand_picked');
    const liPick = plan.sample.filter((s: { adjuster: string }) => s.adjuster === 'adjuster.li');
    expect(liPick).toHaveLength(1);
    expect(liPick[0]).toMatchObject({ reason: 'adjuster_minimum', reasonZh: '每名核查员最少抽取' });
    expect(plan.sample).toHaveLength(3);
    const liSampled = liPick[0].caseId as string;
    expect(plan.moved).toEqual({
      toReinspection: 3,
      toDeliberation: liSampled === c6 ? 3 : 2,
      closed: liSampled === c6 ? 0 : 1,
      skipped: 0,
    });
    expect((await caseStatus(c1)).status).toBe('awaiting_reinspection');
    expect((await caseStatus(c2)).status).toBe('awaiting_deliberation');
    if (liSampled !== c6)
      expect(await caseStatus(c6)).toMatchObject({
        status: 'closed',
        closedReason: { code: 'VERIFIED_INELIGIBLE', message: '入户核查不符合条件：家庭有稳定工资收入' },
      });
    for (const other of [c4, c5].filter((id) => id !== liSampled))
      expect((await caseStatus(other)).status).toBe('awaiting_deliberation');
    // A correction after the draw is refused.
    const late = await at('adjuster.wang', IN_M).post(
      `/verifications/${c2}/results`,
      resultBody([randomUUID()]),
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CASE_NOT_IN_VERIFICATION');

    // The same snapshot and seed give the same sample; other seeds (some of them) another.
    const check = await api('auditor').post(`/sampling-plans/${plan.planId}/redraw-check`, {});
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      seed: SEED,
      populationSize: 6,
      populationSha256: plan.populationSha256,
      populationMatches: true,
      sampleMatches: true,
    });
    const others = await Promise.all(
      ['01', '02', '03', '04', '05', '06', '07', '08'].map((n) =>
        api('auditor').post(`/sampling-plans/${plan.planId}/redraw-check`, { seed: `${n}`.repeat(8) }),
      ),
    );
    expect(others.every((o) => o.status === 200 && o.body.populationMatches === true)).toBe(true);
    expect(others.some((o) => o.body.sampleMatches === false)).toBe(true);

    // Separation of duties: county.staff was an investigator of c3.
    const own = await reinspect('county.staff', c3, true, 433_333);
    expect(own.status).toBe(403);
    expect(own.body.message).toContain('职责分离');
    expect((await api('auditor').post(`/verifications/${c3}/reinspection`, {})).status).toBe(403);
    const evidence = await uploadEvidence('county.staff2', c3, 'reinspection_evidence');
    const confirmed = await api('county.staff2').post(`/verifications/${c3}/reinspection`, {
      conclusion: { eligible: true, reason: '复核属实' },
      perCapitaIncomeFen: 470_000,
      evidence: [evidence],
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({
      outcome: 'confirmed',
      reasons: [],
      adjusterPerCapitaFen: 433_333,
    });
    expect((await caseStatus(c3)).status).toBe('awaiting_deliberation');
    const twice = await reinspect('county.staff2', c3, true, 433_333);
    expect(twice.status).toBe(409);

    // A discrepancy holds the case and sends it back; the adjuster who verified it may not take it.
    const discrepancy = await reinspect('county.staff', c1, false, 900_000);
    expect(discrepancy.status).toBe(201);
    expect(discrepancy.body.outcome).toBe('discrepancy');
    expect(discrepancy.body.reasons).toHaveLength(2);
    expect(await caseStatus(c1)).toMatchObject({ status: 'reverification', payoutHeld: true });
    const queue = await api('insurer.manager').get('/verification/queue?status=reverification&limit=200');
    expect(queue.body.items.map((c: { caseId: string }) => c.caseId)).toContain(c1);
    const sameAdjuster = await at('insurer.manager', IN_NEXT).post('/verification-tasks', {
      caseIds: [c1],
      adjuster: 'adjuster.wang',
    });
    expect(sameAdjuster.body.failed).toEqual([
      expect.objectContaining({ caseId: c1, code: 'ADJUSTER_VERIFIED_BEFORE' }),
    ]);
    const round2 = await verify(c1, 'adjuster.li', IN_NEXT);
    expect(round2).toMatchObject({ round: 2, version: 1, submittedBy: 'adjuster.li' });
    expect(await caseStatus(c1)).toMatchObject({
      status: 'verified',
      verificationRound: 2,
      payoutHeld: true,
    });
    const file = await api('county.staff').get(`/verifications/${c1}`);
    expect(file.body.tasks.map((t: { round: number; adjuster: string }) => [t.round, t.adjuster])).toEqual([
      [1, 'adjuster.wang'],
      [2, 'adjuster.li'],
    ]);
    expect(file.body.tasks[0]).toMatchObject({
      sampled: true,
      reinspection: 'discrepancy',
      planId: plan.planId,
    });
    expect(file.body.reinspections).toHaveLength(1);

    // Quality of month M.
    const quality = await api('county.staff').get(`/quality?period=${M}`);
    expect(quality.status).toBe(200);
    const row = (adjuster: string) =>
      quality.body.adjusters.find((r: { adjuster: string }) => r.adjuster === adjuster);
    expect(row('adjuster.wang')).toEqual({
      insurerContract: 'PICC-420702-2026',
      adjuster: 'adjuster.wang',
      verified: 3,
      sampled: 2,
      reinspected: 2,
      confirmed: 1,
      discrepancy: 1,
      discrepancyRate: 0.5,
      overdue: 0,
    });
    expect(row('adjuster.li')).toMatchObject({ verified: 3, sampled: 1, reinspected: 0, discrepancyRate: 0 });
    expect(quality.body.insurers).toEqual([
      expect.objectContaining({
        insurerContract: 'PICC-420702-2026',
        verified: 6,
        sampled: 3,
        discrepancy: 1,
      }),
    ]);
    const managerView = await api('insurer.manager').get(`/quality?period=${M}`);
    expect(managerView.body.insurers).toEqual(quality.body.insurers);
    const xlsx = await fetch(`${baseUrl()}/quality?period=${M}&format=xlsx`, {
      headers: { authorization: `Bearer ${await tokenFor('auditor')}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([`${M} 核查员`, `${M} 保险公司`]);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      '保险合同',
      '核查员',
      '完成核查',
      '抽中',
      '已复核',
      '复核属实',
      '复核不符',
      '不符率',
      '超期',
    ]);
    const wangRow = sheet
      ?.getRows(2, sheet.rowCount - 1)
      ?.find((r) => r.getCell(2).value === 'adjuster.wang');
    expect(wangRow?.values).toEqual([undefined, 'PICC-420702-2026', 'adjuster.wang', 3, 2, 2, 1, 1, 0.5, 0]);
    expect((await api('adjuster.wang').get(`/quality?period=${M}`)).status).toBe(403);

    // Next month: 王 had a discrepancy last period, so the draw samples 王 at the raised rate.
    const next = await api('county.staff').post('/sampling-plans', { month: NEXT });
    expect(next.status).toBe(202);
    expect(next.body.seedGenerated).toBe(true);
    expect(next.body.seed).toMatch(/^[0-9a-f]{32}$/);
    const nextPlan = await drawn(next.body.planId);
    expect(nextPlan).toMatchObject({
      status: 'drawn',
      populationSize: 1,
      raisedAdjusters: ['adjuster.wang'],
    });
    expect(nextPlan.sample).toEqual([
      expect.objectContaining({ caseId: c1, round: 2, adjuster: 'adjuster.li' }),
    ]);
  });

  it('validates a plan and hides another county’s plans', async () => {
    const bad = await api('county.staff').post('/sampling-plans', {
      month: M,
      method: { kind: 'statistical', confidence: 0.8, marginOfError: 0.05 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([
      { path: 'body.method.confidence', message: '置信水平应为 0.9、0.95 或 0.99' },
    ]);
    const backwards = await api('county.staff').post('/sampling-plans', {
      from: '2026-10-31',
      to: '2026-10-01',
    });
    expect(backwards.body.issues).toEqual([{ path: 'body.to', message: '结束日期不能早于开始日期' }]);
    const empty = await api('county.staff').post('/sampling-plans', { from: '2019-01-01', to: '2019-01-31' });
    expect(empty.status).toBe(202);
    const plan = await drawn(empty.body.planId);
    expect(plan).toMatchObject({
      populationSize: 0,
      sample: [],
      moved: { toReinspection: 0, toDeliberation: 0, closed: 0, skipped: 0 },
    });
    expect((await api('other.county.staff').get(`/sampling-plans/${plan.planId}`)).status).toBe(404);
    expect((await api('adjuster.wang').post('/sampling-plans', { month: M })).status).toBe(403);
    const listed = await api('auditor').get('/sampling-plans');
    expect(listed.body.items.some((p: { planId: string }) => p.planId === plan.planId)).toBe(true);
  });
});

/**
 * Payouts through the API (SPEC §3.5–3.7): a verified case deliberated, posted, closed and paid;
 * objections upheld and dismissed; the notice that cannot close with an objection open; a second
 * approver; a replayed payment confirmation; a failed payment and a cancellation released back;
 * the green channel; and the demo fund's reconciliation matching to the fen after all of them.
 * Tests in this file run in order; each builds its own households and cases.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { payoutStore } from '../../shared/adapters/payout-store.ts';
import { TAIHE_VILLAGE } from '../support/household-input.ts';
import { fundCaseItem } from '../../shared/domain/fund-case.ts';
import { api } from './support/api.ts';
import { caseStatus, seedAwaitingCase, verify } from './verification-support.ts';
import {
  AFTER_END,
  approvedAndReleased,
  call,
  caseAwaiting,
  closeNotice,
  deliberateAndPost,
  fundOf,
  newHousehold,
} from './payouts-flow.ts';

const FUND = 'fund-420702-2026';

describe('payout of a fund case', () => {
  it('goes from verification to disbursement: notice passed, computed with its working, approved, batched, paid', async () => {
    const household = await newHousehold('lifted');
    const fundCase = await caseAwaiting(household.householdId, { amountFen: 2_300_000 });
    const payoutId = randomUUID();
    const early = await api('county.staff').post(`/fund-cases/${fundCase.caseId}/payout`, { payoutId });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOTICE_NOT_PASSED');

    const { noticeId } = await deliberateAndPost([fundCase]);
    const during = await call(
      'county.staff',
      'POST',
      `/fund-cases/${fundCase.caseId}/payout`,
      '2026-10-03T10:00:00+08:00',
      {
        payoutId,
      },
    );
    expect(during.status).toBe(409);
    expect(during.body).toMatchObject({
      code: 'NOTICE_NOT_PASSED',
      noticeId,
      endsAt: '2026-10-08T16:00:00.000Z',
    });
    await closeNotice(noticeId);

    const before = await fundOf(FUND);
    const proposed = await call('county.staff', 'POST', `/fund-cases/${fundCase.caseId}/payout`, AFTER_END, {
      payoutId,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      payoutId,
      caseId: fundCase.caseId,
      fundId: FUND,
      fundYear: 2026,
      category: 'illness',
      caseAmountFen: 2_300_000,
      payoutFen: 1_260_000,
      advance: false,
      status: 'proposed',
      requiredApprovals: 1,
      approvals: [],
      basis: { priorEligibleFen: 0, alreadyPaidFen: 0, sumVersion: 0 },
      working: {
        cumulativeFen: 2_300_000,
        aboveDeductibleFen: 1_800_000,
        tiers: [{ fromFen: 0, rateBp: 7_000, baseFen: 1_800_000, partFen: 1_260_000 }],
        capApplied: false,
        alreadyPaidFen: 0,
        payoutFen: 1_260_000,
      },
      snapshot: { householdId: household.householdId, type: 'lifted', headName: '张**' },
    });
    expect(proposed.body.snapshot.members).toHaveLength(3);
    for (const m of proposed.body.snapshot.members) expect(m.residentId).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const replay = await api('county.staff').post(`/fund-cases/${fundCase.caseId}/payout`, { payoutId });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(proposed.body);

    const approved = await api('county.staff').post(`/payouts/${payoutId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvals: [{ username: 'county.staff' }] });
    // The household data the payout was computed from is frozen with it.
    const edited = await api('village.taihe').patch(`/households/${household.householdId}`, {
      version: 1,
      type: 'general',
      address: '太和村五组1号',
    });
    expect(edited.status).toBe(200);
    expect((await api('county.staff').get(`/payouts/${payoutId}`)).body.snapshot).toEqual(
      proposed.body.snapshot,
    );
    expect(proposed.body.snapshot).toMatchObject({ type: 'lifted', householdVersion: 1 });
    const reserved = await fundOf(FUND);
    expect(reserved.reservedFen - before.reservedFen).toBe(1_260_000);
    expect(before.availableFen - reserved.availableFen).toBe(1_260_000);

    const notReleased = await api('finance').post(`/payouts/${payoutId}/confirm-payment`, {
      bankReference: 'B-1',
    });
    expect(notReleased.status).toBe(409);
    expect(notReleased.body.code).toBe('PAYOUT_NOT_RELEASED');
    const batchId = randomUUID();
    const batch = await api('insurer.manager').post('/disbursement-batches', {
      batchId,
      payoutIds: [payoutId],
    });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ batchId, fundId: FUND, payoutIds: [payoutId], totalFen: 1_260_000 });
    expect(
      (await api('insurer.manager').post('/disbursement-batches', { batchId, payoutIds: [payoutId] })).status,
    ).toBe(200);

    const reference = `ICBC-${randomUUID()}`;
    const paid = await api('finance').post(`/payouts/${payoutId}/confirm-payment`, {
      bankReference: reference,
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'disbursed', bankReference: reference, batchId });
    const again = await api('finance').post(`/payouts/${payoutId}/confirm-payment`, {
      bankReference: reference,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(paid.body);
    const other = await api('finance').post(`/payouts/${payoutId}/confirm-payment`, {
      bankReference: 'ICBC-other',
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('BANK_REFERENCE_MISMATCH');
    // The payout is an assistance measure of the household (SPEC §4.4), once, in its file.
    const file = await api('county.staff').get(`/households/${household.householdId}/file`);
    expect(file.status).toBe(200);
    const recorded = file.body.events.filter((e: { kind: string }) => e.kind === 'payout.recorded');
    expect(recorded).toHaveLength(1);
    expect(recorded[0].summary).toBe('防贫保赔付 12,600 元，记为帮扶措施（A48 防贫保险）');
    // Not under monitoring: the fund's payout opened a lead of the household, once (replays add none).
    const leads = await api('county.staff').get(`/monitoring/leads?villageCode=${TAIHE_VILLAGE}&limit=200`);
    expect(leads.status).toBe(200);
    const fromFund = (
      leads.body.items as {
        householdId: string;
        sources: { channel: string; sourceRef?: string; note: string }[];
      }[]
    )
      .filter((l) => l.householdId === household.householdId)
      .map((l) => l.sources.map((s) => [s.channel, s.sourceRef, s.note]));
    expect(fromFund).toEqual([
      [['fund_case', fundCase.caseId, '防贫保赔付 12,600 元，家庭未纳入监测，转监测线索']],
    ]);
    // …and the case shows it: no monitoring status, the open lead.
    const leadId = (leads.body.items as { householdId: string; leadId: string }[]).find(
      (l) => l.householdId === household.householdId,
    )?.leadId;
    expect(leadId).toEqual(expect.any(String));
    const shown = await api('county.staff').get(`/fund-cases/${fundCase.caseId}`);
    expect(shown.body.householdMonitoring).toEqual({ statusZh: '未纳入监测', openLeadId: leadId });

    const after = await fundOf(FUND);
    expect(after.reservedFen).toBe(before.reservedFen);
    expect(after.disbursedFen - before.disbursedFen).toBe(1_260_000);
    expect(before.availableFen - after.availableFen).toBe(1_260_000);
    const caseNow = await api('county.staff').get(`/fund-cases/${fundCase.caseId}`);
    expect(caseNow.body).toMatchObject({ status: 'paid', payoutId });
    expect(caseNow.body.advancePaid).toBeUndefined();

    const ledger = await api('auditor').get(`/funds/${FUND}/ledger?limit=200`);
    expect(ledger.status).toBe(200);
    const mine = (ledger.body.items as { payoutId?: string; type: string; amountFen: number }[]).filter(
      (e) => e.payoutId === payoutId,
    );
    expect(mine.map((e) => [e.type, e.amountFen])).toEqual([
      ['reservation', 1_260_000],
      ['disbursement', 1_260_000],
    ]);
  });

  it('freezes the verified income figures of the home verification with the payout', async () => {
    const household = await newHousehold();
    const fundCase = await seedAwaitingCase({ householdId: household.householdId });
    await verify(fundCase.caseId, 'adjuster.wang');
    expect((await caseStatus(fundCase.caseId)).status).toBe('verified');
    // As the period's sampling draw leaves a case it did not draw (see sampling.test.ts).
    const verified = await fundCaseStore.get(fundCase.caseId);
    if (!verified) throw new Error('case missing');
    const drawnPast = {
      ...verified.fundCase,
      status: 'awaiting_deliberation' as const,
      version: verified.fundCase.version + 1,
    };
    await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: fundCaseItem(drawnPast) }));
    const { noticeId } = await deliberateAndPost([drawnPast]);
    await closeNotice(noticeId);
    const proposed = await api('county.staff').post(`/fund-cases/${fundCase.caseId}/payout`, {
      payoutId: randomUUID(),
    });
    expect(proposed.status).toBe(201);
    // A33 = 18,000 + 5,000 + 3,000 − 2,000; A37 = A33 + 1,000 − 12,000; three members found.
    expect(proposed.body.snapshot).toMatchObject({
      verificationRound: 1,
      income: {
        members: 3,
        a33NetFen: 2_400_000,
        a34PerCapitaFen: 800_000,
        a37AfterExpensesFen: 1_300_000,
        a38PerCapitaAfterExpensesFen: 433_333,
      },
    });
    // 70% × (12,800 − 5,000) yuan.
    expect(proposed.body.payoutFen).toBe(546_000);
  });

  it('a second case of the household in the year pays only the difference', async () => {
    const household = await newHousehold();
    const first = await caseAwaiting(household.householdId, {
      amountFen: 1_500_000,
      eventDate: '2026-03-01',
    });
    const second = await caseAwaiting(household.householdId, {
      amountFen: 1_000_000,
      eventDate: '2026-06-01',
    });
    const { noticeId } = await deliberateAndPost([first, second]);
    await closeNotice(noticeId);
    const firstId = await approvedAndReleased(first.caseId);
    expect((await api('county.staff').get(`/payouts/${firstId}`)).body.payoutFen).toBe(700_000);
    const secondId = randomUUID();
    const proposed = await api('county.staff').post(`/fund-cases/${second.caseId}/payout`, {
      payoutId: secondId,
    });
    expect(proposed.body).toMatchObject({
      payoutFen: 700_000,
      basis: { priorEligibleFen: 1_500_000, alreadyPaidFen: 700_000, sumVersion: 1 },
      working: { cumulativeFen: 2_500_000, entitledFen: 1_400_000, alreadyPaidFen: 700_000 },
    });
  });

  it('below the deductible settles at 0 yet counts in the year; a proposal on a stale basis is refused at approval', async () => {
    const household = await newHousehold();
    const small = await caseAwaiting(household.householdId, { amountFen: 300_000, eventDate: '2026-02-01' });
    const later = await caseAwaiting(household.householdId, { amountFen: 400_000, eventDate: '2026-04-01' });
    const { noticeId } = await deliberateAndPost([small, later]);
    await closeNotice(noticeId);
    const before = await fundOf(FUND);
    const zeroId = randomUUID();
    const staleId = randomUUID();
    expect(
      (await api('county.staff').post(`/fund-cases/${small.caseId}/payout`, { payoutId: zeroId })).body
        .payoutFen,
    ).toBe(0);
    // Proposed before the first is approved: computed on the sums as they were (nothing counted yet).
    const stale = await api('county.staff').post(`/fund-cases/${later.caseId}/payout`, { payoutId: staleId });
    expect(stale.body).toMatchObject({ payoutFen: 0, basis: { priorEligibleFen: 0, sumVersion: 0 } });
    const settled = await api('county.staff').post(`/payouts/${zeroId}/approve`);
    expect(settled.body).toMatchObject({ status: 'settled_zero', payoutFen: 0 });
    expect((await api('county.staff').get(`/fund-cases/${small.caseId}`)).body).toMatchObject({
      status: 'closed',
      closedReason: { code: 'NO_PAYOUT_DUE' },
    });
    const refused = await api('county.staff').post(`/payouts/${staleId}/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PAYOUT_BASIS_CHANGED');
    expect(
      (await api('county.staff').post(`/payouts/${staleId}/cancel`, { reason: '重新计算' })).status,
    ).toBe(200);
    // 3,000 + 4,000 yuan together: 70% × (7,000 − 5,000) = 1,400 yuan.
    const fresh = await api('county.staff').post(`/fund-cases/${later.caseId}/payout`, {
      payoutId: randomUUID(),
    });
    expect(fresh.body).toMatchObject({
      payoutFen: 140_000,
      basis: { priorEligibleFen: 300_000, alreadyPaidFen: 0, sumVersion: 1 },
    });
    const { updatedAt: _a, ...figures } = await fundOf(FUND);
    const { updatedAt: _b, ...figuresBefore } = before;
    expect(figures).toEqual(figuresBefore);
  });

  it('an objection upheld leaves no payout (409); one dismissed lets it go on; no close while one is open', async () => {
    const [h1, h2] = [await newHousehold(), await newHousehold()];
    const upheldCase = await caseAwaiting(h1.householdId, { amountFen: 1_200_000 });
    const dismissedCase = await caseAwaiting(h2.householdId, { amountFen: 1_200_000 });
    const { noticeId } = await deliberateAndPost([upheldCase, dismissedCase]);
    const path = `/notices/${noticeId}`;
    const objectionIds = [randomUUID(), randomUUID()];
    for (const [i, c] of [upheldCase, dismissedCase].entries())
      expect(
        (
          await call('village.taihe', 'POST', `${path}/objections`, '2026-10-02T10:00:00+08:00', {
            objectionId: objectionIds[i],
            subjectId: c.caseId,
            content: '该户有稳定工资收入',
            channel: 'in_person',
            receivedAt: '2026-10-02T09:00:00+08:00',
          })
        ).status,
      ).toBe(201);
    const upheld = await call(
      'town.taihe',
      'POST',
      `${path}/objections/${objectionIds[0]}/resolve`,
      '2026-10-05T10:00:00+08:00',
      {
        decision: 'upheld',
        resolution: '经核实家庭人均收入高于防贫线',
        investigationNotes: '调取工资流水',
      },
    );
    expect(upheld.status).toBe(200);

    // Past the end with one objection open: the notice stays posted and the case cannot be paid.
    const refusedClose = await call('county.staff', 'POST', `${path}/close`, AFTER_END);
    expect(refusedClose.status).toBe(409);
    expect(refusedClose.body.code).toBe('OBJECTION_OPEN');
    const stillOpen = await call(
      'county.staff',
      'POST',
      `/fund-cases/${dismissedCase.caseId}/payout`,
      AFTER_END,
      {
        payoutId: randomUUID(),
      },
    );
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body.code).toBe('NOTICE_NOT_PASSED');

    const dismissed = await call(
      'county.staff',
      'POST',
      `${path}/objections/${objectionIds[1]}/resolve`,
      AFTER_END,
      {
        decision: 'dismissed',
        resolution: '经核实外出务工收入不稳定，异议不成立',
        investigationNotes: '走访用工单位',
      },
    );
    expect(dismissed.status).toBe(200);
    await closeNotice(noticeId, '2026-10-09T10:00:00+08:00');

    const refused = await api('county.staff').post(`/fund-cases/${upheldCase.caseId}/payout`, {
      payoutId: randomUUID(),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OBJECTION_UPHELD');
    expect(refused.body.message).toContain('经核实家庭人均收入高于防贫线');
    const goesOn = await api('county.staff').post(`/fund-cases/${dismissedCase.caseId}/payout`, {
      payoutId: randomUUID(),
    });
    expect(goesOn.status).toBe(201);
    expect(goesOn.body.payoutFen).toBe(490_000);
  });

  it('above the configured amount a second, different county staff approves; the approver may not confirm', async () => {
    const household = await newHousehold();
    // 70% × (100,000 − 5,000) = 66,500 yuan, above the demo county's 50,000.
    const fundCase = await caseAwaiting(household.householdId, { amountFen: 10_000_000 });
    const { noticeId } = await deliberateAndPost([fundCase]);
    await closeNotice(noticeId);
    const before = await fundOf(FUND);
    const payoutId = randomUUID();
    expect(
      (await api('county.staff').post(`/fund-cases/${fundCase.caseId}/payout`, { payoutId })).body,
    ).toMatchObject({
      payoutFen: 6_650_000,
      requiredApprovals: 2,
    });
    const first = await api('county.staff').post(`/payouts/${payoutId}/approve`);
    expect(first.body).toMatchObject({
      status: 'awaiting_second_approval',
      approvals: [{ username: 'county.staff' }],
    });
    expect((await fundOf(FUND)).reservedFen).toBe(before.reservedFen);
    const same = await api('county.staff').post(`/payouts/${payoutId}/approve`);
    expect(same.status).toBe(200);
    expect(same.body.status).toBe('awaiting_second_approval');
    const second = await api('county.staff2').post(`/payouts/${payoutId}/approve`);
    expect(second.body).toMatchObject({ status: 'approved' });
    expect(second.body.approvals.map((a: { username: string }) => a.username)).toEqual([
      'county.staff',
      'county.staff2',
    ]);
    expect((await fundOf(FUND)).reservedFen - before.reservedFen).toBe(6_650_000);
    const notFinance = await api('county.staff').post(`/payouts/${payoutId}/confirm-payment`, {
      bankReference: 'X',
    });
    expect(notFinance.status).toBe(403);
  });

  it('a failed payment and a cancellation release the amount back; the case can be proposed again', async () => {
    const [h1, h2] = [await newHousehold(), await newHousehold()];
    const failing = await caseAwaiting(h1.householdId, { amountFen: 900_000, category: 'disaster' });
    const cancelled = await caseAwaiting(h2.householdId, { amountFen: 800_000, category: 'schooling' });
    const { noticeId } = await deliberateAndPost([failing, cancelled]);
    await closeNotice(noticeId);
    const before = await fundOf(FUND);

    const failedId = await approvedAndReleased(failing.caseId);
    const failed = await api('finance').post(`/payouts/${failedId}/record-failure`, {
      reason: '收款账户已注销',
    });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'failed',
      failureReason: '收款账户已注销',
      payoutFen: 280_000,
    });
    expect(
      (await api('finance').post(`/payouts/${failedId}/record-failure`, { reason: '收款账户已注销' })).status,
    ).toBe(200);
    expect(
      (await api('finance').post(`/payouts/${failedId}/confirm-payment`, { bankReference: 'late' })).status,
    ).toBe(409);

    const cancelId = randomUUID();
    expect(
      (await api('county.staff').post(`/fund-cases/${cancelled.caseId}/payout`, { payoutId: cancelId })).body
        .payoutFen,
    ).toBe(200_000);
    expect((await api('county.staff').post(`/payouts/${cancelId}/approve`)).status).toBe(200);
    expect((await fundOf(FUND)).reservedFen - before.reservedFen).toBe(200_000);
    const cancel = await api('county.staff').post(`/payouts/${cancelId}/cancel`, { reason: '学籍信息有误' });
    expect(cancel.body).toMatchObject({ status: 'cancelled', cancelReason: '学籍信息有误' });
    const { updatedAt: _after, ...figures } = await fundOf(FUND);
    const { updatedAt: _before, ...figuresBefore } = before;
    expect(figures).toEqual(figuresBefore);

    const again = await api('county.staff').post(`/fund-cases/${failing.caseId}/payout`, {
      payoutId: randomUUID(),
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      payoutFen: 280_000,
      basis: { priorEligibleFen: 0, alreadyPaidFen: 0 },
    });
    const released = await api('auditor').get(`/funds/${FUND}/ledger?limit=200`);
    const entries = (released.body.items as { payoutId?: string; type: string; reason?: string }[]).filter(
      (e) => e.payoutId === failedId || e.payoutId === cancelId,
    );
    expect(entries.map((e) => `${e.type}:${e.reason ?? ''}`).sort()).toEqual([
      'release:cancelled',
      'release:payment_failed',
      'reservation:',
      'reservation:',
    ]);
  });

  it('green channel: an advance paid during the notice, flagged for recovery when an objection is upheld', async () => {
    const household = await newHousehold();
    const fundCase = await caseAwaiting(household.householdId, {
      amountFen: 2_000_000,
      category: 'disaster',
    });
    const { noticeId } = await deliberateAndPost([fundCase]);
    const marked = await call(
      'county.staff',
      'POST',
      `/fund-cases/${fundCase.caseId}/green-channel`,
      '2026-10-01T09:00:00+08:00',
      {
        reason: '房屋因洪水倒塌，事实清楚',
        version: 3,
      },
    );
    expect(marked.status).toBe(200);
    expect(marked.body.greenChannel).toMatchObject({ reason: '房屋因洪水倒塌，事实清楚' });
    const schooling = await caseAwaiting(household.householdId, {
      amountFen: 900_000,
      category: 'schooling',
    });
    const refusedKind = await api('county.staff').post(`/fund-cases/${schooling.caseId}/green-channel`, {
      reason: '急需',
      version: 3,
    });
    expect(refusedKind.status).toBe(409);

    const payoutId = randomUUID();
    const advance = await call(
      'county.staff',
      'POST',
      `/fund-cases/${fundCase.caseId}/payout`,
      '2026-10-01T10:00:00+08:00',
      {
        payoutId,
      },
    );
    expect(advance.status).toBe(201);
    expect(advance.body).toMatchObject({
      advance: true,
      greenChannelReason: '房屋因洪水倒塌，事实清楚',
      payoutFen: 1_050_000,
    });
    expect((await api('county.staff').post(`/payouts/${payoutId}/approve`)).status).toBe(200);
    expect(
      (
        await api('insurer.manager').post('/disbursement-batches', {
          batchId: randomUUID(),
          payoutIds: [payoutId],
        })
      ).status,
    ).toBe(201);
    const paid = await call(
      'finance',
      'POST',
      `/payouts/${payoutId}/confirm-payment`,
      '2026-10-02T10:00:00+08:00',
      {
        bankReference: `ABC-${payoutId}`,
      },
    );
    expect(paid.body).toMatchObject({ status: 'disbursed', advance: true });
    expect((await api('county.staff').get(`/fund-cases/${fundCase.caseId}`)).body).toMatchObject({
      status: 'paid',
      advancePaid: true,
    });
    expect((await api('county.staff').get(`/notices/${noticeId}`)).body.status).toBe('posted');

    const objectionId = randomUUID();
    expect(
      (
        await call('village.taihe', 'POST', `/notices/${noticeId}/objections`, '2026-10-03T10:00:00+08:00', {
          objectionId,
          subjectId: fundCase.caseId,
          content: '房屋倒塌前已无人居住',
          channel: 'phone',
          receivedAt: '2026-10-03T09:00:00+08:00',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(
          'town.taihe',
          'POST',
          `/notices/${noticeId}/objections/${objectionId}/resolve`,
          '2026-10-04T10:00:00+08:00',
          {
            decision: 'upheld',
            resolution: '倒塌房屋为闲置房，损失认定不实',
            investigationNotes: '现场复核',
          },
        )
      ).status,
    ).toBe(200);
    // Flagged when the objection was upheld, before anyone reads the payout.
    expect((await payoutStore.get(payoutId))?.recovery).toMatchObject({
      reason: '倒塌房屋为闲置房，损失认定不实',
      noticeId,
    });
    const flagged = await api('auditor').get(`/payouts/${payoutId}`);
    expect(flagged.body.recovery).toMatchObject({ reason: '倒塌房屋为闲置房，损失认定不实', noticeId });
    expect((await api('county.staff').get(`/payouts/${payoutId}`)).body.recovery).toEqual(
      flagged.body.recovery,
    );
  });

  it('the reconciliation of the demo fund matches to the fen after all of the above', async () => {
    const rec = await api('finance').get(`/funds/${FUND}/reconciliation`);
    expect(rec.status).toBe(200);
    expect(rec.body.matches).toBe(true);
    expect(rec.body.fundTotals).toEqual(rec.body.ledgerTotals);
    for (const row of rec.body.byCategory) {
      expect(row.reserved.differenceFen).toBe(0);
      expect(row.disbursed.differenceFen).toBe(0);
    }
    for (const row of rec.body.byMonth) expect(row.disbursed.differenceFen).toBe(0);
    const illness = rec.body.byCategory.find((r: { category: string }) => r.category === 'illness');
    // Paid: 12,600 yuan; reserved (approved or in a batch): 7,000 + 66,500 yuan, at least.
    expect(illness.disbursed.ledgerFen).toBeGreaterThanOrEqual(1_260_000);
    expect(illness.reserved.ledgerFen).toBeGreaterThanOrEqual(700_000 + 6_650_000);
    const disaster = rec.body.byCategory.find((r: { category: string }) => r.category === 'disaster');
    expect(disaster.disbursed.ledgerFen).toBeGreaterThanOrEqual(1_050_000);
    expect(rec.body.byMonth.map((r: { month: string }) => r.month)).toContain('2026-10');
    const fund = await fundOf(FUND);
    expect(fund.availableFen).toBe(fund.depositsFen - fund.disbursedFen - fund.reservedFen);
  });
});

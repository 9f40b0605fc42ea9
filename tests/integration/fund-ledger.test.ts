/**
 * The fund ledger through the API (SPEC §3.7) on a fund of its own — a random fund year of the demo
 * county, created by the finance officer — so the balance figures do not depend on other tests:
 * deposits (replayed once), two approvals racing for more than the balance (one 409), the
 * low-balance alert raised and cleared, the paged ledger, the finance report and its XLSX, and the
 * reconciliation. Cases take the green channel, so no notice is needed before their payout.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../shared/intake/exceljs.ts';
import { api, baseUrl, tokenFor } from './support/api.ts';
import { fundOf, proposedGreenChannelDisaster } from './payouts-flow.ts';

const YEAR = 2030 + Math.floor(Math.random() * 70);
const FUND = `fund-420702-${YEAR}`;

/** A disaster case of this file's fund year on the green channel, its payout proposed. */
const proposedDisaster = (lossFen: number, type: 'general' | 'lifted' = 'general') =>
  proposedGreenChannelDisaster(YEAR, lossFen, type);

const openAlertKeys = async () =>
  ((await api('county.staff').get('/alerts?limit=200')).body.items as { kind: string; key: string }[])
    .filter((a) => a.kind === 'fund_balance_low')
    .map((a) => a.key);

describe('the fund ledger', () => {
  const paid: string[] = [];
  let reservedPayoutId = '';

  it('a fund of the year is created once by the finance officer, deposits are replay-safe, other counties see 404', async () => {
    const created = await api('finance').post('/funds', { year: YEAR, name: `${YEAR}年度防贫保障基金` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fundId: FUND,
      countyCode: '420702000000',
      year: YEAR,
      depositsFen: 0,
      availableFen: 0,
      lowBalanceShare: 0.1,
    });
    const twice = await api('finance').post('/funds', { year: YEAR, name: '重复' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('FUND_EXISTS');
    expect((await api('county.staff').post('/funds', { year: YEAR, name: 'x' })).status).toBe(403);
    expect((await api('other.county.staff').get(`/funds/${FUND}`)).status).toBe(404);

    const depositId = randomUUID();
    const body = { depositId, amountFen: 100_000, note: '市财政拨入（鄂财农〔2030〕1号）' };
    const deposit = await api('finance').post(`/funds/${FUND}/deposits`, body);
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({ entryId: depositId, type: 'deposit', amountFen: 100_000 });
    const replay = await api('finance').post(`/funds/${FUND}/deposits`, body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(deposit.body);
    const bad = await api('finance').post(`/funds/${FUND}/deposits`, {
      ...body,
      depositId: randomUUID(),
      amountFen: 1.5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'body.amountFen', message: '金额应为整数（分）' }]);
    expect(await fundOf(FUND)).toMatchObject({
      depositsFen: 100_000,
      reservedFen: 0,
      disbursedFen: 0,
      availableFen: 100_000,
    });
  });

  it('two approvals racing for more than the balance: exactly one is refused with 409', async () => {
    // 70% × (6,000 − 5,000) = 700 yuan each; 1,000 yuan in the fund.
    const a = await proposedDisaster(600_000, 'lifted');
    const b = await proposedDisaster(600_000, 'lifted');
    expect([a.payoutFen, b.payoutFen]).toEqual([70_000, 70_000]);
    const results = await Promise.all([
      api('county.staff').post(`/payouts/${a.payoutId}/approve`),
      api('county.staff').post(`/payouts/${b.payoutId}/approve`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409);
    expect(['INSUFFICIENT_BALANCE', 'CONCURRENT_WRITE']).toContain(refused?.body.code);
    expect(await fundOf(FUND)).toMatchObject({
      depositsFen: 100_000,
      reservedFen: 70_000,
      availableFen: 30_000,
    });
    const won = results[0]?.status === 200 ? a : b;
    const lost = won === a ? b : a;
    const retry = await api('county.staff').post(`/payouts/${lost.payoutId}/approve`);
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('INSUFFICIENT_BALANCE');
    expect(retry.body.message).toBe('基金可用余额不足：可用 300 元，本次需预留 700 元');
    expect((await api('county.staff').get(`/payouts/${lost.payoutId}`)).body.status).toBe('proposed');

    const batch = await api('insurer.manager').post('/disbursement-batches', {
      batchId: randomUUID(),
      payoutIds: [won.payoutId],
    });
    expect(batch.status).toBe(201);
    const confirmed = await api('finance').post(`/payouts/${won.payoutId}/confirm-payment`, {
      bankReference: `NX-${won.payoutId}`,
    });
    expect(confirmed.status).toBe(200);
    paid.push(won.payoutId);
  });

  it('raises the low-balance alert below the configured share of the deposits and clears it when topped up', async () => {
    // 70% × 357.15 yuan = 250.005 → 250.01 yuan; 300 − 250.01 = 49.99 yuan < 10% × 1,000.
    const c = await proposedDisaster(535_715);
    expect(c.payoutFen).toBe(25_001);
    reservedPayoutId = c.payoutId;
    expect(await openAlertKeys()).not.toContain(FUND);
    expect((await api('county.staff').post(`/payouts/${c.payoutId}/approve`)).status).toBe(200);
    expect(await fundOf(FUND)).toMatchObject({ availableFen: 4_999, lowBalance: true });
    expect(await openAlertKeys()).toContain(FUND);

    const topUp = await api('finance').post(`/funds/${FUND}/deposits`, {
      depositId: randomUUID(),
      amountFen: 50_000,
      note: '追加注资',
    });
    expect(topUp.status).toBe(201);
    expect(await fundOf(FUND)).toMatchObject({
      depositsFen: 150_000,
      availableFen: 54_999,
      lowBalance: false,
    });
    expect(await openAlertKeys()).not.toContain(FUND);
  });

  it('pages the ledger in time order; a tampered cursor is 400', async () => {
    const first = await api('auditor').get(`/funds/${FUND}/ledger?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { type: string }) => e.type)).toEqual(['deposit', 'reservation']);
    const rest = await api('auditor').get(`/funds/${FUND}/ledger?limit=10&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((e: { type: string }) => e.type)).toEqual([
      'disbursement',
      'reservation',
      'deposit',
    ]);
    expect(rest.body.nextCursor).toBeUndefined();
    const tampered = await api('auditor').get(`/funds/${FUND}/ledger?cursor=eyJwayI6IkZVTkQjeCJ9`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.issues[0].path).toBe('query.cursor');
  });

  it('reports by category, month, town and household type, the balance over time, and exports XLSX', async () => {
    const batch = await api('insurer.manager').post('/disbursement-batches', {
      batchId: randomUUID(),
      payoutIds: [reservedPayoutId],
    });
    expect(batch.status).toBe(201);
    expect(
      (await api('finance').post(`/payouts/${reservedPayoutId}/confirm-payment`, { bankReference: 'NX-2' }))
        .status,
    ).toBe(200);
    paid.push(reservedPayoutId);

    const report = await api('auditor').get(`/finance/reports?year=${YEAR}`);
    expect(report.status).toBe(200);
    const lifted = { households: 1, payouts: 1, paidFen: 70_000 };
    const general = { households: 1, payouts: 1, paidFen: 25_001 };
    const both = { households: 2, payouts: 2, paidFen: 95_001 };
    expect(report.body.total).toEqual({ key: 'total', label: '合计', ...both });
    expect(report.body.byCategory).toEqual([{ key: 'disaster', label: '因灾', ...both }]);
    expect(report.body.byTown).toEqual([{ key: '420702100000', label: '太和镇', ...both }]);
    expect(report.body.byHouseholdType).toEqual([
      { key: 'general', label: '一般农户', ...general },
      { key: 'lifted', label: '脱贫户', ...lifted },
    ]);
    expect(report.body.byHouseholdGroup).toEqual([
      { key: 'lifted', label: '脱贫户', ...lifted },
      { key: 'non_poor_low_income', label: '非贫困低收入户（一般农户、监测户）', ...general },
    ]);
    expect(report.body.byMonth).toHaveLength(1);
    expect(report.body.balanceOverTime.at(-1)).toMatchObject({
      depositsFen: 150_000,
      reservedFen: 0,
      disbursedFen: 95_001,
      availableFen: 54_999,
    });
    expect((await api('village.taihe').get(`/finance/reports?year=${YEAR}`)).status).toBe(403);
    expect((await api('finance').get('/finance/reports?year=1999')).status).toBe(400);

    const xlsx = await fetch(`${baseUrl()}/finance/reports?year=${YEAR}&format=xlsx`, {
      headers: { authorization: `Bearer ${await tokenFor('finance')}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '按类别',
      '按月份',
      '按乡镇',
      '按农户类型',
      '余额变化',
    ]);
    const byCategory = workbook.worksheets[0];
    expect(byCategory?.getRow(1).values).toEqual([undefined, '类别', '户数', '笔数', '赔付金额（元）']);
    expect(byCategory?.getRow(2).values).toEqual([undefined, '因灾', 2, 2, 950.01]);
    expect(byCategory?.getRow(3).values).toEqual([undefined, '合计', 2, 2, 950.01]);
  });

  it('reconciles ledger and payouts to the fen', async () => {
    const rec = await api('finance').get(`/funds/${FUND}/reconciliation`);
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({
      fundId: FUND,
      matches: true,
      fundTotals: { depositsFen: 150_000, reservedFen: 0, disbursedFen: 95_001, availableFen: 54_999 },
      ledgerTotals: { depositsFen: 150_000, reservedFen: 0, disbursedFen: 95_001, availableFen: 54_999 },
    });
    expect(rec.body.byCategory).toEqual([
      {
        category: 'illness',
        reserved: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
        disbursed: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
      },
      {
        category: 'disaster',
        reserved: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
        disbursed: { ledgerFen: 95_001, payoutsFen: 95_001, differenceFen: 0 },
      },
      {
        category: 'schooling',
        reserved: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
        disbursed: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
      },
    ]);
    expect(paid).toHaveLength(2);
    expect(rec.body.byMonth).toEqual([
      { month: expect.any(String), disbursed: { ledgerFen: 95_001, payoutsFen: 95_001, differenceFen: 0 } },
    ]);
  });
});

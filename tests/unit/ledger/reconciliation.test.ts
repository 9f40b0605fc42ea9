import { describe, expect, it } from 'vitest';
import { balanceLow, ledgerTotals, type Fund, type LedgerEntry } from '../../../shared/domain/fund/ledger.ts';
import { reconcile } from '../../../shared/domain/fund/reconciliation.ts';
import { balanceOverTime } from '../../../shared/domain/fund/report.ts';
import type { Payout } from '../../../shared/domain/payout/payout.ts';

const entry = (over: Partial<LedgerEntry> & Pick<LedgerEntry, 'type' | 'amountFen' | 'at'>): LedgerEntry => ({
  fundId: 'fund-420702-2026',
  entryId: `${over.type}-${over.at}`,
  month: over.at.slice(0, 7),
  by: 'u',
  ...over,
});

const payout = (over: Partial<Payout> & Pick<Payout, 'status' | 'payoutFen' | 'category'>) =>
  ({
    payoutId: `${over.category}-${over.payoutFen}`,
    updatedAt: '2026-10-09T02:00:00.000Z',
    ...over,
  }) as Payout;

const fund = (over: Partial<Fund> = {}): Fund => ({
  fundId: 'fund-420702-2026',
  countyCode: '420702000000',
  year: 2026,
  name: '基金',
  depositsFen: 1_000_000,
  reservedFen: 200_000,
  disbursedFen: 300_000,
  availableFen: 500_000,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-10-09T00:00:00.000Z',
  ...over,
});

// Deposit 10,000 yuan; illness 3,000 reserved then paid; disaster 2,000 reserved; schooling 500 reserved then released.
const ENTRIES: LedgerEntry[] = [
  entry({ type: 'deposit', amountFen: 1_000_000, at: '2026-01-01T00:00:00.000Z' }),
  entry({ type: 'reservation', amountFen: 300_000, at: '2026-09-30T01:00:00.000Z', category: 'illness' }),
  entry({ type: 'disbursement', amountFen: 300_000, at: '2026-10-02T01:00:00.000Z', category: 'illness' }),
  entry({ type: 'reservation', amountFen: 200_000, at: '2026-10-03T01:00:00.000Z', category: 'disaster' }),
  entry({ type: 'reservation', amountFen: 50_000, at: '2026-10-04T01:00:00.000Z', category: 'schooling' }),
  entry({
    type: 'release',
    amountFen: 50_000,
    at: '2026-10-05T01:00:00.000Z',
    category: 'schooling',
    reason: 'payment_failed',
  }),
];
const PAYOUTS = [
  payout({
    status: 'disbursed',
    payoutFen: 300_000,
    category: 'illness',
    disbursedAt: '2026-10-02T01:00:00.000Z',
  }),
  payout({ status: 'released', payoutFen: 200_000, category: 'disaster' }),
  payout({ status: 'failed', payoutFen: 50_000, category: 'schooling' }),
];

describe('reconciliation', () => {
  it('matches when ledger, payouts and the fund item agree, per category and month', () => {
    const rec = reconcile(fund(), ENTRIES, PAYOUTS, '2026-10-10T00:00:00.000Z');
    expect(rec.matches).toBe(true);
    expect(rec.ledgerTotals).toEqual({
      depositsFen: 1_000_000,
      reservedFen: 200_000,
      disbursedFen: 300_000,
      availableFen: 500_000,
    });
    expect(rec.byCategory).toEqual([
      {
        category: 'illness',
        reserved: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
        disbursed: { ledgerFen: 300_000, payoutsFen: 300_000, differenceFen: 0 },
      },
      {
        category: 'disaster',
        reserved: { ledgerFen: 200_000, payoutsFen: 200_000, differenceFen: 0 },
        disbursed: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
      },
      {
        category: 'schooling',
        reserved: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
        disbursed: { ledgerFen: 0, payoutsFen: 0, differenceFen: 0 },
      },
    ]);
    expect(rec.byMonth).toEqual([
      { month: '2026-10', disbursed: { ledgerFen: 300_000, payoutsFen: 300_000, differenceFen: 0 } },
    ]);
  });

  it('shows the difference to the fen when a payout has no ledger entry, or the fund item drifts', () => {
    const extra = payout({
      status: 'disbursed',
      payoutFen: 1,
      category: 'illness',
      disbursedAt: '2026-11-01T01:00:00.000Z',
    });
    const rec = reconcile(fund(), ENTRIES, [...PAYOUTS, extra], '2026-11-02T00:00:00.000Z');
    expect(rec.matches).toBe(false);
    expect(rec.byCategory[0]?.disbursed).toEqual({
      ledgerFen: 300_000,
      payoutsFen: 300_001,
      differenceFen: -1,
    });
    expect(rec.byMonth.at(-1)).toEqual({
      month: '2026-11',
      disbursed: { ledgerFen: 0, payoutsFen: 1, differenceFen: -1 },
    });
    expect(reconcile(fund({ availableFen: 499_999 }), ENTRIES, PAYOUTS, 'x').matches).toBe(false);
  });
});

describe('ledger figures', () => {
  it('available = deposits − disbursed − reserved, and the balance per day', () => {
    const totals = ledgerTotals(ENTRIES);
    expect(totals.availableFen).toBe(totals.depositsFen - totals.disbursedFen - totals.reservedFen);
    expect(balanceOverTime(ENTRIES).map((p) => [p.date, p.availableFen])).toEqual([
      ['2026-01-01', 1_000_000],
      ['2026-09-30', 700_000],
      ['2026-10-02', 700_000],
      ['2026-10-03', 500_000],
      ['2026-10-04', 450_000],
      ['2026-10-05', 500_000],
    ]);
  });

  it('is low strictly below the share of the deposits', () => {
    expect(balanceLow({ availableFen: 99_999, depositsFen: 1_000_000 }, 0.1)).toBe(true);
    expect(balanceLow({ availableFen: 100_000, depositsFen: 1_000_000 }, 0.1)).toBe(false);
    expect(balanceLow({ availableFen: 0, depositsFen: 0 }, 0.1)).toBe(false);
  });
});

/**
 * Reconciliation (对账, SPEC §3.7): the ledger's totals against the sum of the case payouts, per
 * category (reserved and disbursed) and per month of payment, and the fund item's running totals
 * against the ledger's. Each row shows both sides and the difference; `matches` only when every
 * difference is 0 fen. Pure: the use case reads the ledger and the payouts.
 */
import { z } from 'zod';
import { FUND_CATEGORIES, FundCategory } from '../fund-case.ts';
import type { Payout } from '../payout/payout.ts';
import { shanghaiMonth } from '../shanghai-time.ts';
import { ledgerTotals, type Fund, type LedgerEntry } from './ledger.ts';

const Side = z.object({
  ledgerFen: z.number().int(),
  payoutsFen: z.number().int(),
  differenceFen: z.number().int(),
});

export const Reconciliation = z
  .object({
    fundId: z.string(),
    asOf: z.string(),
    fundTotals: z.object({
      depositsFen: z.number().int(),
      reservedFen: z.number().int(),
      disbursedFen: z.number().int(),
      availableFen: z.number().int(),
    }),
    ledgerTotals: z.object({
      depositsFen: z.number().int(),
      reservedFen: z.number().int(),
      disbursedFen: z.number().int(),
      availableFen: z.number().int(),
    }),
    byCategory: z.array(z.object({ category: FundCategory, reserved: Side, disbursed: Side })),
    byMonth: z.array(z.object({ month: z.string(), disbursed: Side })),
    matches: z.boolean(),
  })
  .meta({ id: 'Reconciliation' });
export type Reconciliation = z.infer<typeof Reconciliation>;

const side = (ledgerFen: number, payoutsFen: number) => ({
  ledgerFen,
  payoutsFen,
  differenceFen: ledgerFen - payoutsFen,
});

const add = (map: Map<string, number>, key: string, fen: number) => map.set(key, (map.get(key) ?? 0) + fen);

export const reconcile = (
  fund: Fund,
  entries: readonly LedgerEntry[],
  payouts: readonly Payout[],
  asOf: string,
): Reconciliation => {
  const ledgerReserved = new Map<string, number>();
  const ledgerDisbursed = new Map<string, number>();
  const ledgerMonth = new Map<string, number>();
  for (const e of entries) {
    if (!e.category) continue;
    if (e.type === 'reservation') add(ledgerReserved, e.category, e.amountFen);
    if (e.type === 'release') add(ledgerReserved, e.category, -e.amountFen);
    if (e.type === 'disbursement') {
      add(ledgerReserved, e.category, -e.amountFen);
      add(ledgerDisbursed, e.category, e.amountFen);
      add(ledgerMonth, e.month, e.amountFen);
    }
  }
  const payoutReserved = new Map<string, number>();
  const payoutDisbursed = new Map<string, number>();
  const payoutMonth = new Map<string, number>();
  for (const p of payouts) {
    if (p.status === 'approved' || p.status === 'released') add(payoutReserved, p.category, p.payoutFen);
    if (p.status === 'disbursed') {
      add(payoutDisbursed, p.category, p.payoutFen);
      add(payoutMonth, shanghaiMonth(new Date(p.disbursedAt ?? p.updatedAt)), p.payoutFen);
    }
  }
  const byCategory = FUND_CATEGORIES.map((category) => ({
    category,
    reserved: side(ledgerReserved.get(category) ?? 0, payoutReserved.get(category) ?? 0),
    disbursed: side(ledgerDisbursed.get(category) ?? 0, payoutDisbursed.get(category) ?? 0),
  }));
  const months = [...new Set([...ledgerMonth.keys(), ...payoutMonth.keys()])].sort();
  const byMonth = months.map((month) => ({
    month,
    disbursed: side(ledgerMonth.get(month) ?? 0, payoutMonth.get(month) ?? 0),
  }));
  const fromLedger = ledgerTotals(entries);
  const fundTotals = {
    depositsFen: fund.depositsFen,
    reservedFen: fund.reservedFen,
    disbursedFen: fund.disbursedFen,
    availableFen: fund.availableFen,
  };
  const totalsMatch = (Object.keys(fundTotals) as (keyof typeof fundTotals)[]).every(
    (k) => fundTotals[k] === fromLedger[k],
  );
  const matches =
    totalsMatch &&
    byCategory.every((r) => r.reserved.differenceFen === 0 && r.disbursed.differenceFen === 0) &&
    byMonth.every((r) => r.disbursed.differenceFen === 0) &&
    fromLedger.reservedFen === byCategory.reduce((s, r) => s + r.reserved.ledgerFen, 0) &&
    fromLedger.disbursedFen === byCategory.reduce((s, r) => s + r.disbursed.ledgerFen, 0);
  return { fundId: fund.fundId, asOf, fundTotals, ledgerTotals: fromLedger, byCategory, byMonth, matches };
};

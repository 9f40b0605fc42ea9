/**
 * The county fund and its ledger (资金台账, SPEC §3.7). One fund per county and fund year. Every
 * fen moves through a ledger entry written in the same transaction as the change it belongs to:
 * a deposit (注资), a reservation at approval (审批预留), a disbursement at payment (拨付), a
 * release on cancellation or a failed payment (释放). The fund item keeps the running totals;
 * available = deposits − disbursed − reserved, never negative (a condition on the fund item).
 */
import { z } from 'zod';
import { FundCategory } from '../fund-case.ts';
import { REGION_CODE } from '../region.ts';

const fen = z.number().int();

export const Fund = z
  .object({
    fundId: z.string(),
    countyCode: z.string().regex(REGION_CODE),
    year: z.number().int(),
    name: z.string(),
    insurerContract: z.string().optional(),
    depositsFen: fen.meta({ description: '累计注资（分）' }),
    reservedFen: fen.meta({ description: '已审批待拨付（预留，分）' }),
    disbursedFen: fen.meta({ description: '已拨付（分）' }),
    availableFen: fen.meta({ description: '可用余额 = 注资 − 已拨付 − 预留（分）' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Fund' });
export type Fund = z.infer<typeof Fund>;

export const LEDGER_ENTRY_TYPES = ['deposit', 'reservation', 'disbursement', 'release'] as const;
export const LedgerEntryType = z.enum(LEDGER_ENTRY_TYPES).meta({ description: '注资 / 预留 / 拨付 / 释放' });
export type LedgerEntryType = z.infer<typeof LedgerEntryType>;

export const LEDGER_ENTRY_ZH: Readonly<Record<LedgerEntryType, string>> = {
  deposit: '注资',
  reservation: '审批预留',
  disbursement: '拨付',
  release: '释放',
};

export const LedgerEntry = z
  .object({
    fundId: z.string(),
    entryId: z.string(),
    type: LedgerEntryType,
    amountFen: fen.min(1),
    at: z.string(),
    /** Asia/Shanghai month of `at`, yyyy-mm. */
    month: z.string(),
    by: z.string().meta({ description: '操作人用户编号' }),
    note: z.string().optional(),
    payoutId: z.string().optional(),
    caseId: z.string().optional(),
    category: FundCategory.optional(),
    townCode: z.string().optional(),
    bankReference: z.string().optional(),
    /** Why an amount was released: cancelled, payment_failed. */
    reason: z.enum(['cancelled', 'payment_failed']).optional(),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** One fund per county and year: `fund-<6-digit county>-<year>` (the seed's `fund-420702-2026`). */
export const fundIdOf = (countyCode: string, year: number): string =>
  `fund-${countyCode.slice(0, 6)}-${year}`;

/** How an entry moves the fund's totals. */
export const fundDelta = (
  type: LedgerEntryType,
  amountFen: number,
): { depositsFen: number; reservedFen: number; disbursedFen: number; availableFen: number } => {
  switch (type) {
    case 'deposit':
      return { depositsFen: amountFen, reservedFen: 0, disbursedFen: 0, availableFen: amountFen };
    case 'reservation':
      return { depositsFen: 0, reservedFen: amountFen, disbursedFen: 0, availableFen: -amountFen };
    case 'disbursement':
      return { depositsFen: 0, reservedFen: -amountFen, disbursedFen: amountFen, availableFen: 0 };
    case 'release':
      return { depositsFen: 0, reservedFen: -amountFen, disbursedFen: 0, availableFen: amountFen };
  }
};

/** The fund's figures a ledger adds up to, from an empty fund. */
export const ledgerTotals = (entries: readonly LedgerEntry[]) =>
  entries.reduce(
    (sum, e) => {
      const d = fundDelta(e.type, e.amountFen);
      return {
        depositsFen: sum.depositsFen + d.depositsFen,
        reservedFen: sum.reservedFen + d.reservedFen,
        disbursedFen: sum.disbursedFen + d.disbursedFen,
        availableFen: sum.availableFen + d.availableFen,
      };
    },
    { depositsFen: 0, reservedFen: 0, disbursedFen: 0, availableFen: 0 },
  );

/** The low-balance rule: available below the share of the year's deposits (SPEC §3.7, §4.7). */
export const balanceLow = (fund: Pick<Fund, 'availableFen' | 'depositsFen'>, share: number): boolean =>
  fund.availableFen * 10_000 < Math.round(share * 10_000) * fund.depositsFen;

/* Item layout (main table):
 *   fund          pk=FUND#<fundId>  sk=FUND                    gsi1 FUNDS#<countyCode> / <fundId>
 *   ledger entry  pk=FUND#<fundId>  sk=LEDGER#<at>#<entryId>
 *   report sums   pk=FUNDREPORT#<fundId>  sk=<dimension>#<key>   (category, month, town, type)
 */
export const fundKey = (fundId: string) => ({ pk: `FUND#${fundId}`, sk: 'FUND' });

export const fundItem = (f: Fund): Record<string, unknown> => ({
  ...fundKey(f.fundId),
  entity: 'fund',
  ...f,
  gsi1pk: `FUNDS#${f.countyCode}`,
  gsi1sk: f.fundId,
});

export const ledgerEntryItem = (e: LedgerEntry): Record<string, unknown> => ({
  pk: `FUND#${e.fundId}`,
  sk: `LEDGER#${e.at}#${e.entryId}`,
  entity: 'ledgerEntry',
  ...e,
});

/**
 * The finance office's report of a fund year (SPEC §3.7): payouts disbursed by category, month,
 * town and household type — lifted households (脱贫户) against non-poor low-income households
 * (一般农户 and 监测户), as the seed `003_…` reports them — and the fund's balance over time from
 * the ledger. Built from the report sums kept at each disbursement (no scan of payouts).
 */
import { z } from 'zod';
import { FUND_CATEGORY_ZH, type FundCategory } from '../fund-case.ts';
import { shanghaiDate } from '../shanghai-time.ts';
import { fundDelta, type Fund, type LedgerEntry } from './ledger.ts';

export const ReportRow = z.object({
  key: z.string(),
  label: z.string().meta({ description: 'zh-CN 名称' }),
  households: z.number().int(),
  payouts: z.number().int(),
  paidFen: z.number().int(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const BalancePoint = z.object({
  date: z.iso.date(),
  depositsFen: z.number().int(),
  reservedFen: z.number().int(),
  disbursedFen: z.number().int(),
  availableFen: z.number().int(),
});
export type BalancePoint = z.infer<typeof BalancePoint>;

export const FinanceReport = z
  .object({
    fundId: z.string(),
    year: z.number().int(),
    fundName: z.string(),
    total: ReportRow,
    byCategory: z.array(ReportRow),
    byMonth: z.array(ReportRow),
    byTown: z.array(ReportRow),
    byHouseholdType: z.array(ReportRow),
    byHouseholdGroup: z.array(ReportRow).meta({ description: '脱贫户 / 非贫困低收入户（一般农户、监测户）' }),
    balanceOverTime: z.array(BalancePoint).meta({ description: '每个有台账记录的日期（北京时间）日终余额' }),
  })
  .meta({ id: 'FinanceReport' });
export type FinanceReport = z.infer<typeof FinanceReport>;

export interface ReportSumInput {
  readonly dimension: string;
  readonly key: string;
  readonly paidFen: number;
  readonly payouts: number;
  readonly households: readonly string[];
}

const HOUSEHOLD_TYPE_ZH: Readonly<Record<string, string>> = {
  general: '一般农户',
  lifted: '脱贫户',
  monitored: '监测户',
};

const row = (key: string, label: string, sums: readonly ReportSumInput[]): ReportRow => ({
  key,
  label,
  households: new Set(sums.flatMap((s) => s.households)).size,
  payouts: sums.reduce((n, s) => n + s.payouts, 0),
  paidFen: sums.reduce((n, s) => n + s.paidFen, 0),
});

export const balanceOverTime = (entries: readonly LedgerEntry[]): BalancePoint[] => {
  const points = new Map<string, BalancePoint>();
  let running = { depositsFen: 0, reservedFen: 0, disbursedFen: 0, availableFen: 0 };
  for (const e of [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const d = fundDelta(e.type, e.amountFen);
    running = {
      depositsFen: running.depositsFen + d.depositsFen,
      reservedFen: running.reservedFen + d.reservedFen,
      disbursedFen: running.disbursedFen + d.disbursedFen,
      availableFen: running.availableFen + d.availableFen,
    };
    const date = shanghaiDate(new Date(e.at));
    points.set(date, { date, ...running });
  }
  return [...points.values()];
};

export const financeReport = (
  fund: Fund,
  sums: readonly ReportSumInput[],
  entries: readonly LedgerEntry[],
  townNames: ReadonlyMap<string, string>,
): FinanceReport => {
  const of = (dimension: string) =>
    sums
      .filter((s) => s.dimension === dimension)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const types = of('type');
  return {
    fundId: fund.fundId,
    year: fund.year,
    fundName: fund.name,
    total: row('total', '合计', of('category')),
    byCategory: of('category').map((s) => row(s.key, FUND_CATEGORY_ZH[s.key as FundCategory] ?? s.key, [s])),
    byMonth: of('month').map((s) =>
      row(s.key, `${Number(s.key.slice(0, 4))}年${Number(s.key.slice(5, 7))}月`, [s]),
    ),
    byTown: of('town').map((s) => row(s.key, townNames.get(s.key) ?? s.key, [s])),
    byHouseholdType: types.map((s) => row(s.key, HOUSEHOLD_TYPE_ZH[s.key] ?? s.key, [s])),
    byHouseholdGroup: [
      row(
        'lifted',
        '脱贫户',
        types.filter((s) => s.key === 'lifted'),
      ),
      row(
        'non_poor_low_income',
        '非贫困低收入户（一般农户、监测户）',
        types.filter((s) => s.key !== 'lifted'),
      ),
    ],
    balanceOverTime: balanceOverTime(entries),
  };
};

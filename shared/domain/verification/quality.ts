/**
 * Quality of verification work per adjuster and per insurer for a period (SPEC §3.4): verified
 * (results first submitted in the period), sampled, re-inspected, confirmed, discrepancy, the
 * discrepancy rate (discrepancies / re-inspected), overdue (submitted after the deadline, or
 * still open past a deadline that fell in the period).
 */
import { z } from 'zod';
import { isOverdue, type VerificationTask } from './task.ts';

export const QualityRow = z.object({
  insurerContract: z.string(),
  adjuster: z.string().optional().meta({ description: '无：保险公司合计' }),
  verified: z.number().int(),
  sampled: z.number().int(),
  reinspected: z.number().int(),
  confirmed: z.number().int(),
  discrepancy: z.number().int(),
  discrepancyRate: z.number().meta({ description: '不符数 / 复核数，四位小数；未复核为 0' }),
  overdue: z.number().int(),
});
export type QualityRow = z.infer<typeof QualityRow>;

const empty = (insurerContract: string, adjuster?: string): QualityRow => ({
  insurerContract,
  ...(adjuster ? { adjuster } : {}),
  verified: 0,
  sampled: 0,
  reinspected: 0,
  confirmed: 0,
  discrepancy: 0,
  discrepancyRate: 0,
  overdue: 0,
});

const rate = (row: QualityRow): QualityRow => ({
  ...row,
  discrepancyRate:
    row.reinspected > 0 ? Math.round((row.discrepancy / row.reinspected) * 10_000) / 10_000 : 0,
});

export const qualityRows = (
  submitted: readonly VerificationTask[],
  openPastDeadline: readonly VerificationTask[],
  now: Date,
): { adjusters: QualityRow[]; insurers: QualityRow[] } => {
  const rows = new Map<string, QualityRow>();
  const rowOf = (t: VerificationTask) => {
    const key = `${t.insurerContract}#${t.adjuster}`;
    const row = rows.get(key) ?? empty(t.insurerContract, t.adjuster);
    rows.set(key, row);
    return row;
  };
  for (const t of submitted) {
    const row = rowOf(t);
    row.verified += 1;
    if (t.sampled) row.sampled += 1;
    if (t.reinspection) row.reinspected += 1;
    if (t.reinspection === 'confirmed') row.confirmed += 1;
    if (t.reinspection === 'discrepancy') row.discrepancy += 1;
    if (isOverdue(t, now)) row.overdue += 1;
  }
  for (const t of openPastDeadline) rowOf(t).overdue += 1;
  const adjusters = [...rows.values()]
    .map(rate)
    .sort((a, b) =>
      `${a.insurerContract}#${a.adjuster ?? ''}` < `${b.insurerContract}#${b.adjuster ?? ''}` ? -1 : 1,
    );
  const insurers = new Map<string, QualityRow>();
  for (const row of adjusters) {
    const sum = insurers.get(row.insurerContract) ?? empty(row.insurerContract);
    for (const field of [
      'verified',
      'sampled',
      'reinspected',
      'confirmed',
      'discrepancy',
      'overdue',
    ] as const)
      sum[field] += row[field];
    insurers.set(row.insurerContract, sum);
  }
  return { adjusters, insurers: [...insurers.values()].map(rate) };
};

/**
 * The county's re-inspection of a sampled verification (SPEC §3.4): the re-inspector records their
 * own conclusion and per-capita income; the outcome is computed — a discrepancy when the conclusion
 * differs from the adjuster's, or the per-capita income (A38) differs by more than the tolerance
 * (default 10 %) of the adjuster's figure.
 */
import { yuanText } from '../money.ts';
import { z } from 'zod';
import { REINSPECTION_OUTCOMES } from './task.ts';

export const ReinspectionInput = z
  .object({
    conclusion: z.object({
      eligible: z.boolean(),
      reason: z.string().trim().min(1, '请填写复核结论理由').max(500),
    }),
    perCapitaIncomeFen: z.number().int().meta({ description: '复核认定的人均收入 A38（分）' }),
    notes: z.string().trim().max(1000).optional(),
    evidence: z.array(z.string().uuid('应为有效的上传编号（UUID）')).max(50).default([]),
  })
  .meta({ id: 'ReinspectionInput' });
export type ReinspectionInput = z.infer<typeof ReinspectionInput>;

export const Reinspection = z
  .object({
    caseId: z.string(),
    round: z.number().int(),
    countyCode: z.string(),
    adjuster: z.string(),
    insurerContract: z.string(),
    input: ReinspectionInput,
    outcome: z.enum(REINSPECTION_OUTCOMES),
    reasons: z.array(z.string()),
    adjusterEligible: z.boolean(),
    adjusterPerCapitaFen: z.number().int(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Reinspection' });
export type Reinspection = z.infer<typeof Reinspection>;

/** |re-inspected − adjuster's| > tolerance × |adjuster's|, in integers (tolerance to the basis point). */
export const incomeDiffersBeyond = (adjusterFen: number, reinspectedFen: number, tolerance: number) =>
  Math.abs(reinspectedFen - adjusterFen) * 10_000 > Math.round(tolerance * 10_000) * Math.abs(adjusterFen);

export const reinspectionOutcome = (
  adjuster: { eligible: boolean; perCapitaFen: number },
  found: { eligible: boolean; perCapitaFen: number },
  tolerance: number,
): { outcome: (typeof REINSPECTION_OUTCOMES)[number]; reasons: string[] } => {
  const reasons: string[] = [];
  if (adjuster.eligible !== found.eligible)
    reasons.push(
      `复核结论（${found.eligible ? '符合' : '不符合'}）与核查结论（${adjuster.eligible ? '符合' : '不符合'}）不一致`,
    );
  if (incomeDiffersBeyond(adjuster.perCapitaFen, found.perCapitaFen, tolerance))
    reasons.push(
      `人均收入相差超过 ${Math.round(tolerance * 100)}%（核查 ${yuanText(adjuster.perCapitaFen)} 元，复核 ${yuanText(found.perCapitaFen)} 元）`,
    );
  return { outcome: reasons.length > 0 ? 'discrepancy' : 'confirmed', reasons };
};

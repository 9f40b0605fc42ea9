/**
 * The sampling draw (SPEC §3.4): random but reproducible. The population (completed verifications
 * of the period, sorted by case id) and the seed fix a random order — each case ranked by
 * sha256(seed | caseId) — and the draw walks that order. The same population and seed always give
 * the same sample; anyone holding them can redraw it.
 *
 * Who is in the sample, and why (first reason that applies):
 *   hand_picked     — named by county staff;
 *   threshold       — estimated payout above the plan's threshold (all of them);
 *   disagreement    — the adjuster's conclusion differs from the computed eligibility (optional);
 *   raised_rate     — an adjuster with a discrepancy last period: that adjuster's cases at
 *                     min(1, base rate × discrepancyRateFactor);
 *   adjuster_minimum — at least `minPerAdjuster` cases of every adjuster;
 *   random          — then the random order fills the sample up to the plan's size.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CONFIDENCE_LEVELS, rateSampleSize, statisticalSampleSize } from './size.ts';

export const SAMPLE_REASONS = [
  'hand_picked',
  'threshold',
  'disagreement',
  'raised_rate',
  'adjuster_minimum',
  'random',
] as const;
export type SampleReason = (typeof SAMPLE_REASONS)[number];

export const SAMPLE_REASON_ZH: Readonly<Record<SampleReason, string>> = {
  hand_picked: '人工指定',
  threshold: '预计赔付超过阈值',
  disagreement: '核查结论与计算结果不一致',
  raised_rate: '上期有复核不符，提高抽样比例',
  adjuster_minimum: '每名核查员最少抽取',
  random: '随机抽取',
};

export const PopulationEntry = z.object({
  caseId: z.string(),
  round: z.number().int(),
  adjuster: z.string(),
  insurerContract: z.string(),
  townCode: z.string(),
  category: z.string(),
  /** Estimated payout of the case (see `estimatePayoutFen`). */
  payoutEstimateFen: z.number().int(),
  eligible: z.boolean(),
  disagreement: z.boolean(),
});
export type PopulationEntry = z.infer<typeof PopulationEntry>;

export const SamplingMethod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), rate: z.number().gt(0, '比例应大于 0').max(1, '比例不能超过 1') }),
  z.object({
    kind: z.literal('statistical'),
    confidence: z.literal(CONFIDENCE_LEVELS, '置信水平应为 0.9、0.95 或 0.99'),
    marginOfError: z.number().gt(0).max(0.5),
    p: z.number().gt(0).lt(1).default(0.5),
  }),
]);
export type SamplingMethod = z.infer<typeof SamplingMethod>;

export interface DrawRules {
  readonly method: SamplingMethod;
  readonly minPerAdjuster: number;
  readonly payoutThresholdFen?: number;
  readonly handPicked: readonly string[];
  readonly includeDisagreements: boolean;
  /** Adjusters sampled at a raised rate, and the factor. */
  readonly raisedAdjusters: readonly string[];
  readonly discrepancyRateFactor: number;
}

export interface SampledCase {
  readonly caseId: string;
  readonly round: number;
  readonly adjuster: string;
  readonly reason: SampleReason;
}

export interface Draw {
  readonly populationSize: number;
  readonly baseSize: number;
  readonly sample: SampledCase[];
}

export const baseSampleSize = (population: number, method: SamplingMethod): number =>
  method.kind === 'rate'
    ? rateSampleSize(population, method.rate)
    : statisticalSampleSize(population, method.confidence, method.marginOfError, method.p);

const rank = (seed: string, caseId: string): string =>
  createHash('sha256').update(`${seed}|${caseId}`).digest('hex');

/** The population in the seed's random order. */
export const randomOrder = (population: readonly PopulationEntry[], seed: string): PopulationEntry[] =>
  population
    .map((entry) => ({ entry, key: rank(seed, entry.caseId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ entry }) => entry);

export const drawSample = (population: readonly PopulationEntry[], seed: string, rules: DrawRules): Draw => {
  const order = randomOrder(population, seed);
  const chosen = new Map<string, SampleReason>();
  const take = (entry: PopulationEntry, reason: SampleReason) => {
    if (!chosen.has(entry.caseId)) chosen.set(entry.caseId, reason);
  };
  const handPicked = new Set(rules.handPicked);
  for (const entry of order) {
    if (handPicked.has(entry.caseId)) take(entry, 'hand_picked');
    else if (rules.payoutThresholdFen !== undefined && entry.payoutEstimateFen > rules.payoutThresholdFen)
      take(entry, 'threshold');
    else if (rules.includeDisagreements && entry.disagreement) take(entry, 'disagreement');
  }
  const baseSize = baseSampleSize(population.length, rules.method);
  const baseRate = population.length > 0 ? baseSize / population.length : 0;
  const raised = new Set(rules.raisedAdjusters);
  const adjusters = [...new Set(order.map((e) => e.adjuster))].sort();
  for (const adjuster of adjusters) {
    const own = order.filter((e) => e.adjuster === adjuster);
    const isRaised = raised.has(adjuster);
    const quota = Math.max(
      Math.min(own.length, rules.minPerAdjuster),
      isRaised ? rateSampleSize(own.length, Math.min(1, baseRate * rules.discrepancyRateFactor)) : 0,
    );
    let count = own.filter((e) => chosen.has(e.caseId)).length;
    for (const entry of own) {
      if (count >= quota) break;
      if (chosen.has(entry.caseId)) continue;
      take(entry, isRaised ? 'raised_rate' : 'adjuster_minimum');
      count += 1;
    }
  }
  for (const entry of order) {
    if (chosen.size >= baseSize) break;
    take(entry, 'random');
  }
  const sample = population
    .filter((e) => chosen.has(e.caseId))
    .map((e) => ({
      caseId: e.caseId,
      round: e.round,
      adjuster: e.adjuster,
      reason: chosen.get(e.caseId) ?? 'random',
    }))
    .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return { populationSize: population.length, baseSize, sample };
};

/**
 * The payout a case would get under the year's rule of its category, for the plan's threshold:
 * (amount − deductible) × rate, capped, half-up to the fen. The payout issue computes the real one
 * (tiers, cumulative amounts); this is an estimate from the referral's amount.
 */
export const estimatePayoutFen = (
  amountFen: number,
  rule: { deductibleFen: number; rate: number; capFen: number },
): number => {
  const above = Math.max(0, amountFen - rule.deductibleFen);
  const basis = Math.round(rule.rate * 1_000_000);
  return Math.min(rule.capFen, Math.floor((above * basis * 2 + 1_000_000) / 2_000_000));
};

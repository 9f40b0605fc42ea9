/**
 * Sample sizes of a sampling plan (SPEC §3.4).
 *
 * A rate: n = ⌈N × rate⌉.
 *
 * A statistical size, as cash-transfer programmes size their verification samples (Cochran, with
 * the finite population correction):
 *   n₀ = z² · p · (1 − p) / e²        (z of the confidence level, e the margin of error, p = 0.5)
 *   n  = ⌈ n₀ / (1 + n₀ / N) ⌉       (= N·n₀ / (N + n₀)), never more than N.
 * E.g. 95 %, ±5 %, p = 0.5: n₀ = 1.959964² × 0.25 / 0.0025 = 384.15; N = 383 → 384.15 / 2.003 =
 * 191.8 → 192.
 */
export const CONFIDENCE_LEVELS = [0.9, 0.95, 0.99] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** Two-sided standard normal quantiles. */
export const Z_SCORES: Readonly<Record<ConfidenceLevel, number>> = {
  0.9: 1.6448536,
  0.95: 1.959964,
  0.99: 2.5758293,
};

/** Guards ⌈x⌉ against floating-point noise just above a whole number (192.0000000001 → 192). */
const ceilClean = (x: number): number => Math.max(0, Math.ceil(x - 1e-9));

export const rateSampleSize = (population: number, rate: number): number =>
  Math.min(population, ceilClean(population * rate));

export const statisticalSampleSize = (
  population: number,
  confidence: ConfidenceLevel,
  marginOfError: number,
  p = 0.5,
): number => {
  if (population <= 0) return 0;
  const z = Z_SCORES[confidence];
  const n0 = (z * z * p * (1 - p)) / (marginOfError * marginOfError);
  return Math.min(population, ceilClean(n0 / (1 + n0 / population)));
};

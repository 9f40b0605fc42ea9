import { describe, expect, it } from 'vitest';
import { rateSampleSize, statisticalSampleSize } from '../../../shared/domain/sampling/size.ts';

describe('sample sizes', () => {
  it('takes ⌈N × rate⌉ for a rate', () => {
    expect(rateSampleSize(383, 0.1)).toBe(39);
    expect(rateSampleSize(380, 0.1)).toBe(38);
    expect(rateSampleSize(3, 0.1)).toBe(1);
    expect(rateSampleSize(0, 0.1)).toBe(0);
  });

  it('sizes 95 %, ±5 % for the 383 verified households of the seed as 192 (finite population correction)', () => {
    // n₀ = 1.959964² × 0.5 × 0.5 / 0.05² = 384.146; n = 384.146 / (1 + 384.146 / 383) = 191.79 → 192.
    expect(statisticalSampleSize(383, 0.95, 0.05)).toBe(192);
  });

  it('matches hand-computed sizes for other levels and populations', () => {
    // 90 %, ±5 %: n₀ = 1.6448536² × 0.25 / 0.0025 = 270.55; N = 383 → 270.55 / 1.7064 = 158.55 → 159.
    expect(statisticalSampleSize(383, 0.9, 0.05)).toBe(159);
    // 99 %, ±5 %: n₀ = 2.5758293² × 0.25 / 0.0025 = 663.49; N = 383 → 663.49 / 2.7324 = 242.82 → 243.
    expect(statisticalSampleSize(383, 0.99, 0.05)).toBe(243);
    // 95 %, ±10 %, N = 28: n₀ = 96.04; 96.04 / (1 + 96.04 / 28) = 21.68 → 22.
    expect(statisticalSampleSize(28, 0.95, 0.1)).toBe(22);
    // A huge population tends to n₀: 95 %, ±5 % → 385 (⌈384.1⌉ after the correction).
    expect(statisticalSampleSize(10_000_000, 0.95, 0.05)).toBe(385);
    expect(statisticalSampleSize(5, 0.95, 0.05)).toBe(5);
    expect(statisticalSampleSize(0, 0.95, 0.05)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  drawSample,
  estimatePayoutFen,
  randomOrder,
  type DrawRules,
  type PopulationEntry,
} from '../../../shared/domain/sampling/draw.ts';

const ADJUSTERS = ['adjuster.li', 'adjuster.wang', 'adjuster.zhang'];

/** 100 completed verifications by three adjusters (the last adjuster has only 4). */
const population: PopulationEntry[] = Array.from({ length: 100 }, (_, i) => ({
  caseId: `case-${String(i).padStart(3, '0')}`,
  round: 1,
  adjuster: i >= 96 ? 'adjuster.zhang' : (ADJUSTERS[i % 2] ?? 'adjuster.li'),
  insurerContract: 'PICC-420702-2026',
  townCode: '420702100000',
  category: 'illness',
  payoutEstimateFen: i === 42 ? 5_000_000 : 100_000,
  eligible: i % 5 !== 0,
  disagreement: i === 7,
}));

const rules = (over: Partial<DrawRules> = {}): DrawRules => ({
  method: { kind: 'rate', rate: 0.1 },
  minPerAdjuster: 1,
  handPicked: [],
  includeDisagreements: true,
  raisedAdjusters: [],
  discrepancyRateFactor: 2,
  ...over,
});

const SEED = '5eed00000000000000000000000000a1';

describe('the reproducible draw', () => {
  it('gives the same sample for the same seed and population, whatever the input order', () => {
    const first = drawSample(population, SEED, rules());
    const again = drawSample([...population].reverse(), SEED, rules());
    expect(again).toEqual(first);
    expect(first.baseSize).toBe(10);
    expect(first.sample).toHaveLength(10);
  });

  it('gives a different sample for a different seed', () => {
    const a = drawSample(population, SEED, rules()).sample.map((s) => s.caseId);
    const b = drawSample(population, '5eed00000000000000000000000000b2', rules()).sample.map((s) => s.caseId);
    expect(b).not.toEqual(a);
  });

  it('orders by sha256(seed | caseId)', () => {
    const order = randomOrder(population.slice(0, 3), 'ab'.repeat(8)).map((e) => e.caseId);
    expect(order).toHaveLength(3);
    expect([...order].sort()).toEqual(['case-000', 'case-001', 'case-002']);
    expect(randomOrder(population.slice(0, 3), 'ab'.repeat(8)).map((e) => e.caseId)).toEqual(order);
  });

  it('takes hand-picked, above-threshold and disagreeing cases, one per adjuster, then fills at random', () => {
    const { sample } = drawSample(
      population,
      SEED,
      rules({ handPicked: ['case-099'], payoutThresholdFen: 1_000_000 }),
    );
    const reasonOf = (id: string) => sample.find((s) => s.caseId === id)?.reason;
    expect(reasonOf('case-099')).toBe('hand_picked');
    expect(reasonOf('case-042')).toBe('threshold');
    expect(reasonOf('case-007')).toBe('disagreement');
    for (const adjuster of ADJUSTERS)
      expect(
        sample.some((s) => s.adjuster === adjuster),
        adjuster,
      ).toBe(true);
    expect(sample).toHaveLength(10);
    expect(sample.filter((s) => s.reason === 'random').length).toBeGreaterThan(0);
  });

  it('samples an adjuster with a discrepancy last period at the raised rate', () => {
    // adjuster.wang has 48 cases; 10 % × 2 = 20 % → at least ⌈9.6⌉ = 10 of them.
    const { sample } = drawSample(
      population,
      SEED,
      rules({ raisedAdjusters: ['adjuster.wang'], includeDisagreements: false }),
    );
    const wang = sample.filter((s) => s.adjuster === 'adjuster.wang');
    expect(wang.length).toBeGreaterThanOrEqual(10);
    expect(wang.filter((s) => s.reason === 'raised_rate').length).toBe(10);
  });

  it('sizes the sample statistically when asked', () => {
    const { baseSize, sample } = drawSample(
      population,
      SEED,
      rules({ method: { kind: 'statistical', confidence: 0.95, marginOfError: 0.1, p: 0.5 } }),
    );
    // n₀ = 96.04; 96.04 / (1 + 96.04 / 100) = 48.99 → 49.
    expect(baseSize).toBe(49);
    expect(sample).toHaveLength(49);
  });
});

describe('payout estimate for the threshold', () => {
  it('applies the category rule: 70 % above 5,000 yuan, capped at 100,000 yuan, half-up to the fen', () => {
    const illness = { deductibleFen: 500_000, rate: 0.7, capFen: 10_000_000 };
    expect(estimatePayoutFen(1_280_000, illness)).toBe(546_000);
    expect(estimatePayoutFen(500_001, illness)).toBe(1);
    expect(estimatePayoutFen(400_000, illness)).toBe(0);
    expect(estimatePayoutFen(100_000_000, illness)).toBe(10_000_000);
  });
});

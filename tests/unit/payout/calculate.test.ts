import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculatePayout,
  effectiveRule,
  type EffectiveRule,
} from '../../../shared/domain/payout/calculate.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';

const defaults = yearConfigOf('420702000000', 2026).payoutRules;
const illness = effectiveRule(defaults.illness);
const disaster = effectiveRule(defaults.disaster);
const schooling = effectiveRule(defaults.schooling);

/** 50% / 60% / 70% by band above a 5,000 yuan deductible: the first 10,000, the next 20,000, the rest. */
const tiered = effectiveRule({
  ...defaults.illness,
  tiers: [{ uptoFen: 1_000_000, rateBp: 5_000 }, { uptoFen: 3_000_000, rateBp: 6_000 }, { rateBp: 7_000 }],
});

const pay = (rule: EffectiveRule, cumulativeFen: number, alreadyPaidFen = 0) =>
  calculatePayout({ rule, cumulativeFen, alreadyPaidFen });

describe('payout calculator — hand-worked examples (SPEC §3.6 defaults)', () => {
  it('illness: 70% of (23,000 − 5,000) yuan = 12,600 yuan, with its working', () => {
    expect(pay(illness, 2_300_000)).toEqual({
      rule: { deductibleFen: 500_000, bands: [{ fromFen: 0, rateBp: 7_000 }], capFen: 10_000_000 },
      cumulativeFen: 2_300_000,
      aboveDeductibleFen: 1_800_000,
      tiers: [{ fromFen: 0, rateBp: 7_000, baseFen: 1_800_000, partFen: 1_260_000 }],
      ruleAmountFen: 1_260_000,
      capApplied: false,
      entitledFen: 1_260_000,
      alreadyPaidFen: 0,
      payoutFen: 1_260_000,
    });
  });

  it('illness cap: 70% of (200,000 − 5,000) = 136,500 yuan is capped at 100,000 yuan', () => {
    const working = pay(illness, 20_000_000);
    expect(working.ruleAmountFen).toBe(13_650_000);
    expect(working.capApplied).toBe(true);
    expect(working.payoutFen).toBe(10_000_000);
  });

  it('disaster: 70% of (loss − 5,000) yuan, half-up to the fen', () => {
    expect(pay(disaster, 5_000_050).payoutFen).toBe(3_150_035);
    // 0.05 yuan above: 3.5 fen → 4 fen (half-up, not banker's); 0.01 yuan above: 0.7 → 1.
    expect(pay(disaster, 500_005).payoutFen).toBe(4);
    expect(pay(disaster, 500_001).payoutFen).toBe(1);
    expect(pay(disaster, 500_000).payoutFen).toBe(0);
    expect(pay(disaster, 12_000_000).payoutFen).toBe(8_050_000);
  });

  it('schooling: self-paid − 6,000 yuan, capped at 20,000 yuan', () => {
    expect(pay(schooling, 800_000).payoutFen).toBe(200_000);
    expect(pay(schooling, 600_000).payoutFen).toBe(0);
    const capped = pay(schooling, 3_000_000);
    expect(capped.ruleAmountFen).toBe(2_400_000);
    expect(capped.capApplied).toBe(true);
    expect(capped.payoutFen).toBe(2_000_000);
  });

  it('schooling per level: a fixed amount for one level, the category rule for the others', () => {
    const rule = {
      ...defaults.schooling,
      levels: { undergraduate: { fixedFen: 500_000, deductibleFen: 0 } },
    };
    const fixed = effectiveRule(rule, 'undergraduate');
    expect(fixed).toEqual({
      deductibleFen: 0,
      bands: [{ fromFen: 0, rateBp: 10_000 }],
      fixedFen: 500_000,
      capFen: 2_000_000,
    });
    expect(pay(fixed, 100).payoutFen).toBe(500_000);
    expect(pay(fixed, 0).payoutFen).toBe(0);
    expect(pay(fixed, 900_000, 500_000).payoutFen).toBe(0);
    expect(pay(effectiveRule(rule, 'senior'), 800_000).payoutFen).toBe(200_000);
  });

  it('tiers 50/60/70%: 45,000 yuan above the deductible pays 5,000 + 12,000 + 10,500 yuan', () => {
    const working = pay(tiered, 5_000_000);
    expect(working.tiers).toEqual([
      { fromFen: 0, uptoFen: 1_000_000, rateBp: 5_000, baseFen: 1_000_000, partFen: 500_000 },
      { fromFen: 1_000_000, uptoFen: 3_000_000, rateBp: 6_000, baseFen: 2_000_000, partFen: 1_200_000 },
      { fromFen: 3_000_000, rateBp: 7_000, baseFen: 1_500_000, partFen: 1_050_000 },
    ]);
    expect(working.payoutFen).toBe(2_750_000);
    expect(pay(tiered, 1_000_000).tiers.map((t) => t.partFen)).toEqual([250_000, 0, 0]);
  });

  it('a second case in the same year pays only the difference', () => {
    // First: 15,000 yuan → 70% × 10,000 = 7,000 yuan. Then 10,000 more: 70% × 20,000 = 14,000, minus 7,000.
    expect(pay(illness, 1_500_000).payoutFen).toBe(700_000);
    const second = pay(illness, 2_500_000, 700_000);
    expect(second.entitledFen).toBe(1_400_000);
    expect(second.alreadyPaidFen).toBe(700_000);
    expect(second.payoutFen).toBe(700_000);
    // Below the deductible first (nothing), then over it together: the deductible counts once.
    expect(pay(illness, 300_000).payoutFen).toBe(0);
    expect(pay(illness, 700_000, 0).payoutFen).toBe(140_000);
    // After the cap, nothing more.
    expect(pay(illness, 30_000_000, 10_000_000).payoutFen).toBe(0);
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => pay(illness, 1.5)).toThrow(RangeError);
    expect(() => pay(illness, 100, -1)).toThrow(RangeError);
  });
});

const arbRule: fc.Arbitrary<EffectiveRule> = fc
  .record({
    deductibleFen: fc.integer({ min: 0, max: 2_000_000 }),
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 3 }),
    rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }),
    capFen: fc.integer({ min: 0, max: 20_000_000 }),
    fixedFen: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }),
  })
  .map(({ deductibleFen, bounds, rates, capFen, fixedFen }) => {
    const uptos = [...bounds].sort((a, b) => a - b);
    const tiers = [
      ...uptos.map((uptoFen, i) => ({ uptoFen, rateBp: rates[i] ?? 0 })),
      { rateBp: rates[3] ?? 0 },
    ];
    return effectiveRule({
      deductibleFen,
      rate: 0,
      capFen,
      tiers,
      ...(fixedFen === undefined ? {} : { fixedFen }),
    });
  });

const amount = fc.integer({ min: 0, max: 50_000_000 });

describe('payout calculator — properties', () => {
  it('is never negative and never above the cap, whatever was already paid', () => {
    fc.assert(
      fc.property(
        arbRule,
        amount,
        fc.integer({ min: 0, max: 30_000_000 }),
        (rule, cumulativeFen, alreadyPaidFen) => {
          const { payoutFen, entitledFen } = calculatePayout({ rule, cumulativeFen, alreadyPaidFen });
          expect(payoutFen).toBeGreaterThanOrEqual(0);
          expect(payoutFen).toBeLessThanOrEqual(rule.capFen);
          expect(entitledFen).toBeLessThanOrEqual(rule.capFen);
          expect(Number.isInteger(payoutFen)).toBe(true);
        },
      ),
    );
  });

  it('is monotone in the cost', () => {
    fc.assert(
      fc.property(arbRule, amount, fc.integer({ min: 0, max: 5_000_000 }), (rule, cost, more) => {
        const less = calculatePayout({ rule, cumulativeFen: cost, alreadyPaidFen: 0 }).payoutFen;
        const moreCost = calculatePayout({ rule, cumulativeFen: cost + more, alreadyPaidFen: 0 }).payoutFen;
        expect(moreCost).toBeGreaterThanOrEqual(less);
      }),
    );
  });

  it("gives the year's total independently of the order the cases arrive in", () => {
    fc.assert(
      fc.property(
        arbRule,
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (rule, cases, seed) => {
          const yearTotal = (order: readonly number[]) => {
            let cumulativeFen = 0;
            let paid = 0;
            for (const caseFen of order) {
              cumulativeFen += caseFen;
              paid += calculatePayout({ rule, cumulativeFen, alreadyPaidFen: paid }).payoutFen;
            }
            return paid;
          };
          const shuffled = [...cases].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
          const total = yearTotal(cases);
          expect(yearTotal(shuffled)).toBe(total);
          expect(yearTotal([...cases].reverse())).toBe(total);
          const all = cases.reduce((s, c) => s + c, 0);
          expect(total).toBe(calculatePayout({ rule, cumulativeFen: all, alreadyPaidFen: 0 }).payoutFen);
        },
      ),
    );
  });
});

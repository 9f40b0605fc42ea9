import { describe, expect, it } from 'vitest';
import { IncomeComponents, computeIncome } from '../../../shared/domain/income.ts';
import {
  assessEligibility,
  burdenClearlyAboveIncome,
} from '../../../shared/domain/verification/eligibility.ts';

/** The fund program's line: 5,200 yuan (1.5 × last year's national poverty line, `003_…`). */
const RULES = { fundLineFen: 520_000, burdenIncomeFactor: 1 };

const assess = (over: Partial<IncomeComponents>, members: number, stableIncome = true) => {
  const components = IncomeComponents.parse({
    a28WagesFen: 0,
    a29BusinessFen: 0,
    a30PropertyFen: 0,
    a31TransferFen: 0,
    a32BusinessExpensesFen: 0,
    ...over,
  });
  const figures = computeIncome(components, members);
  return { figures, eligibility: assessEligibility(figures, components, stableIncome, RULES) };
};

describe('eligibility of SPEC §3.3 with the fund line of 5,200 yuan', () => {
  it('is eligible at exactly the line (A38 = 5,200 yuan)', () => {
    // 4 members, 20,800 yuan net, no claims, no self-paid costs → 5,200 yuan a head.
    const { figures, eligibility } = assess({ a28WagesFen: 2_080_000 }, 4);
    expect(figures.a38PerCapitaAfterExpensesFen).toBe(520_000);
    expect(eligibility).toMatchObject({ eligible: true, rule: 'at_or_below_line' });
    expect(eligibility.reason).toBe('人均收入（A38）5,200 元，不高于防贫保障线 5,200 元');
  });

  it('is not eligible one fen a head above the line, with stable income', () => {
    const { figures, eligibility } = assess({ a28WagesFen: 2_080_004 }, 4);
    expect(figures.a38PerCapitaAfterExpensesFen).toBe(520_001);
    expect(eligibility).toMatchObject({ eligible: false, rule: 'above_line' });
  });

  it('brings a household under the line through its self-paid medical costs (A36)', () => {
    // 26,000 yuan net, 12,000 yuan self-paid, 3,000 yuan claims, 4 members → A38 4,250 yuan.
    const { figures, eligibility } = assess(
      {
        a28WagesFen: 1_800_000,
        a29BusinessFen: 600_000,
        a30PropertyFen: 50_000,
        a31TransferFen: 350_000,
        a32BusinessExpensesFen: 200_000,
        a35ClaimIncomeFen: 300_000,
        a36SelfPaidFen: 1_200_000,
      },
      4,
    );
    expect(figures.a38PerCapitaAfterExpensesFen).toBe(425_000);
    expect(eligibility.eligible).toBe(true);
  });

  it('is eligible above the line with no stable income and expenditure clearly above income', () => {
    // 2 members: 30,000 yuan net (one-off land compensation), 20,000 yuan insurance claims,
    // 35,000 yuan self-paid → A37 15,000, A38 7,500 yuan > 5,200; but 35,000 > 30,000 × 1.
    const income = { a30PropertyFen: 3_000_000, a35ClaimIncomeFen: 2_000_000, a36SelfPaidFen: 3_500_000 };
    const noStable = assess(income, 2, false);
    expect(noStable.figures).toMatchObject({ a33NetFen: 3_000_000, a38PerCapitaAfterExpensesFen: 750_000 });
    expect(noStable.eligibility).toMatchObject({ eligible: true, rule: 'burden_above_income' });
    expect(noStable.eligibility.reason).toContain('无稳定收入');
    // The same figures with a stable income are not eligible.
    expect(assess(income, 2, true).eligibility).toMatchObject({ eligible: false, rule: 'above_line' });
    // Expenses equal to income are not "clearly above" it.
    expect(assess({ ...income, a36SelfPaidFen: 3_000_000 }, 2, false).eligibility.eligible).toBe(false);
  });

  it('compares A36 with A33 × factor exactly', () => {
    expect(burdenClearlyAboveIncome(1_500_001, 1_000_000, 1.5)).toBe(true);
    expect(burdenClearlyAboveIncome(1_500_000, 1_000_000, 1.5)).toBe(false);
    expect(burdenClearlyAboveIncome(1, 0, 1)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { IncomeComponents, computeIncome, divideHalfUp } from '../../../shared/domain/income.ts';

const components = (over: Partial<IncomeComponents> = {}): IncomeComponents =>
  IncomeComponents.parse({
    a28WagesFen: 1_800_000,
    a29BusinessFen: 600_000,
    a30PropertyFen: 50_000,
    a31TransferFen: 350_000,
    a32BusinessExpensesFen: 200_000,
    ...over,
  });

describe('computeIncome (SPEC §2, A28–A38)', () => {
  it('computes A33 and A34 for a household of four', () => {
    // 18,000 + 6,000 + 500 + 3,500 − 2,000 = 26,000 yuan; per head 6,500 yuan.
    expect(computeIncome(components(), 4)).toEqual({
      members: 4,
      a33NetFen: 2_600_000,
      a34PerCapitaFen: 650_000,
      a37AfterExpensesFen: 2_600_000,
      a38PerCapitaAfterExpensesFen: 650_000,
    });
  });

  it('adds the claim income A35 and takes off the self-paid expenses A36 for A37/A38', () => {
    // 26,000 + 3,000 − 12,000 = 17,000 yuan; per head 4,250 yuan, below a 5,200 line.
    const figures = computeIncome(components({ a35ClaimIncomeFen: 300_000, a36SelfPaidFen: 1_200_000 }), 4);
    expect(figures.a37AfterExpensesFen).toBe(1_700_000);
    expect(figures.a38PerCapitaAfterExpensesFen).toBe(425_000);
    expect(figures.a34PerCapitaFen).toBe(650_000);
  });

  it('rounds per-capita figures half-up to the fen', () => {
    // 100 fen over 3 members = 33.33 → 33; 5 fen over 2 = 2.5 → 3; 7 fen over 2 = 3.5 → 4.
    expect(
      computeIncome(
        components({
          a28WagesFen: 100,
          a29BusinessFen: 0,
          a30PropertyFen: 0,
          a31TransferFen: 0,
          a32BusinessExpensesFen: 0,
        }),
        3,
      ).a34PerCapitaFen,
    ).toBe(33);
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(7, 2)).toBe(4);
    expect(divideHalfUp(-5, 2)).toBe(-2);
    expect(divideHalfUp(2, 3)).toBe(1);
  });

  it('lets expenses exceed income: A33 and A37 go negative', () => {
    const figures = computeIncome(
      components({
        a28WagesFen: 0,
        a29BusinessFen: 100_000,
        a30PropertyFen: 0,
        a31TransferFen: 0,
        a32BusinessExpensesFen: 400_000,
        a36SelfPaidFen: 100_000,
      }),
      2,
    );
    expect(figures.a33NetFen).toBe(-300_000);
    expect(figures.a34PerCapitaFen).toBe(-150_000);
    expect(figures.a38PerCapitaAfterExpensesFen).toBe(-200_000);
  });

  it('refuses a household without members and negative or fractional amounts', () => {
    expect(() => computeIncome(components(), 0)).toThrow(RangeError);
    const bad = IncomeComponents.safeParse({ ...components(), a28WagesFen: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['a28WagesFen']);
    expect(IncomeComponents.safeParse({ ...components(), a29BusinessFen: 1.5 }).success).toBe(false);
  });
});

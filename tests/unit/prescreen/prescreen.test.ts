import { describe, expect, it } from 'vitest';
import { prescreen, SCREEN_CODES } from '../../../shared/domain/prescreen.ts';
import { yuanText } from '../../../shared/domain/money.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';

/** SPEC defaults: fund line 5,200 yuan, factor 2 → 10,400; illness/disaster deductible 5,000; schooling 6,000. */
const config = yearConfigOf('420702', 2026);

describe('prescreen', () => {
  it('passes an illness case above the deductible with modest income', () => {
    expect(
      prescreen({ category: 'illness', amountFen: 500_001, perCapitaIncomeFen: 400_000 }, config),
    ).toEqual([]);
  });

  it('screens out an amount exactly at the deductible, and passes one fen above', () => {
    expect(prescreen({ category: 'illness', amountFen: 500_000 }, config)).toEqual([
      { code: SCREEN_CODES.belowDeductible, message: '金额未超过起付线：因病金额 5,000 元，起付线 5,000 元' },
    ]);
    expect(prescreen({ category: 'disaster', amountFen: 500_000 }, config)).toEqual([
      { code: SCREEN_CODES.belowDeductible, message: '金额未超过起付线：因灾金额 5,000 元，起付线 5,000 元' },
    ]);
    expect(prescreen({ category: 'disaster', amountFen: 500_001 }, config)).toEqual([]);
  });

  it('uses the schooling deductible of 6,000 yuan', () => {
    expect(prescreen({ category: 'schooling', amountFen: 550_050 }, config)).toEqual([
      {
        code: SCREEN_CODES.belowDeductible,
        message: '金额未超过起付线：因学金额 5,500.50 元，起付线 6,000 元',
      },
    ]);
    expect(prescreen({ category: 'schooling', amountFen: 600_000 }, config)).toHaveLength(1);
    expect(prescreen({ category: 'schooling', amountFen: 600_001 }, config)).toEqual([]);
  });

  it('screens out income above 2 × 5,200 = 10,400 yuan, not income exactly at it', () => {
    expect(
      prescreen({ category: 'illness', amountFen: 2_000_000, perCapitaIncomeFen: 1_040_000 }, config),
    ).toEqual([]);
    expect(
      prescreen({ category: 'illness', amountFen: 2_000_000, perCapitaIncomeFen: 1_040_001 }, config),
    ).toEqual([
      {
        code: SCREEN_CODES.incomeFarAbove,
        message:
          '家庭人均纯收入远高于防贫监测线：人均 10,400.01 元，高于 10,400 元（监测线 5,200 元的 2 倍）',
      },
    ]);
  });

  it('names the negative-list reason', () => {
    expect(
      prescreen(
        { category: 'illness', amountFen: 2_000_000, negative: { reason: 'high_value_house_or_car' } },
        config,
      ),
    ).toEqual([{ code: SCREEN_CODES.negativeList, message: '列入负面清单：拥有高价值房产或车辆' }]);
  });

  it('lists every reason that applies, in order', () => {
    const reasons = prescreen(
      { category: 'illness', amountFen: 100, perCapitaIncomeFen: 5_000_000, negative: { reason: 'other' } },
      config,
    );
    expect(reasons.map((r) => r.code)).toEqual([
      SCREEN_CODES.negativeList,
      SCREEN_CODES.incomeFarAbove,
      SCREEN_CODES.belowDeductible,
    ]);
  });

  it('follows the county configuration', () => {
    const strict = yearConfigOf('420702', 2026, {
      fundLineFen: 600_000,
      prescreen: { incomeFarAboveFactor: 1.5 },
    });
    expect(
      prescreen({ category: 'illness', amountFen: 900_000, perCapitaIncomeFen: 900_000 }, strict),
    ).toEqual([]);
    expect(
      prescreen({ category: 'illness', amountFen: 900_000, perCapitaIncomeFen: 900_001 }, strict),
    ).toHaveLength(1);
  });

  it('formats yuan', () => {
    expect(yuanText(0)).toBe('0');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(123_456_789)).toBe('1,234,567.89');
  });
});

import { describe, expect, it } from 'vitest';
import { categorize } from '../../../shared/domain/monitoring/category.ts';
import { planFlags } from '../../../shared/domain/monitoring/measures.ts';

const LINE = 690_000;
const figures = (a34: number, a38: number) => ({ a34PerCapitaFen: a34, a38PerCapitaAfterExpensesFen: a38 });

describe('monitoring category (SPEC §4.1)', () => {
  it('makes a lifted household unstable lifted', () => {
    expect(categorize('lifted', figures(800_000, 800_000), LINE).category).toBe('unstable_lifted');
  });

  it('makes a general household at or below the line marginal, with its reasons', () => {
    expect(categorize('general', figures(690_000, 650_000), LINE)).toEqual({
      category: 'marginal',
      reasons: [
        '户类型为一般农户',
        '人均纯收入（A34）6,900 元，扣除刚性支出后人均（A38）6,500 元，不高于监测线 6,900 元',
        '认定为边缘易致贫户',
      ],
    });
  });

  it('makes A34 above the line but A38 at or below it, or a sharp drop, sudden hardship', () => {
    expect(categorize('general', figures(900_000, 400_000), LINE).category).toBe('sudden_hardship');
    expect(categorize('general', figures(900_000, 800_000), LINE, true).category).toBe('sudden_hardship');
  });

  it('finds no category when both incomes are above the line', () => {
    const decision = categorize('general', figures(900_000, 800_000), LINE);
    expect(decision.category).toBeUndefined();
    expect(decision.reasons[1]).toBe('不符合监测对象认定条件');
  });
});

describe('plan flags', () => {
  it('flags a risk with no measure and a risk with more measures than allowed', () => {
    const flags = planFlags(
      ['illness', 'schooling'],
      [{ risk: 'illness' }, { risk: 'illness' }, { risk: 'illness' }],
      2,
    );
    expect(flags.map((f) => [f.code, f.risk])).toEqual([
      ['RISK_WITHOUT_MEASURE', 'schooling'],
      ['TOO_MANY_MEASURES_FOR_RISK', 'illness'],
    ]);
    expect(planFlags(['illness'], [{ risk: 'illness' }, { risk: 'illness' }], 2)).toEqual([]);
  });
});

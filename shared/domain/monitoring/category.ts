/**
 * The monitoring category of SPEC §4.1 from the household type, A34, A38 and the monitoring line:
 * - a lifted household (脱贫户) → unstable lifted (脱贫不稳定户);
 * - otherwise A34 at or below the line → marginal (边缘易致贫户);
 * - A34 above the line, but A38 at or below it (large rigid expenses) or a sharp income drop →
 *   sudden severe hardship (突发严重困难户);
 * - otherwise none: the income criterion is not met (the line is a reference; the reasons say so).
 * Each decision comes with its zh-CN reasons, amounts in yuan.
 */
import type { HouseholdType } from '../household-schema.ts';
import { yuanText } from '../money.ts';
import type { IncomeFigures } from '../income.ts';
import { CATEGORY_ZH, type MonitoringCategory } from './risk.ts';

export interface CategoryDecision {
  readonly category?: MonitoringCategory;
  readonly reasons: string[];
}

export const categorize = (
  type: HouseholdType,
  figures: Pick<IncomeFigures, 'a34PerCapitaFen' | 'a38PerCapitaAfterExpensesFen'>,
  lineFen: number,
  sharpIncomeDrop = false,
): CategoryDecision => {
  const a34 = figures.a34PerCapitaFen;
  const a38 = figures.a38PerCapitaAfterExpensesFen;
  const line = `监测线 ${yuanText(lineFen)} 元`;
  const incomes = `人均纯收入（A34）${yuanText(a34)} 元，扣除刚性支出后人均（A38）${yuanText(a38)} 元`;
  if (type === 'lifted')
    return {
      category: 'unstable_lifted',
      reasons: ['户类型为脱贫户', incomes, `认定为${CATEGORY_ZH.unstable_lifted}`],
    };
  if (a34 <= lineFen)
    return {
      category: 'marginal',
      reasons: ['户类型为一般农户', `${incomes}，不高于${line}`, `认定为${CATEGORY_ZH.marginal}`],
    };
  if (a38 <= lineFen)
    return {
      category: 'sudden_hardship',
      reasons: [
        `A34 ${yuanText(a34)} 元高于${line}`,
        `因刚性支出较大，A38 ${yuanText(a38)} 元不高于${line}`,
        `认定为${CATEGORY_ZH.sudden_hardship}`,
      ],
    };
  if (sharpIncomeDrop)
    return {
      category: 'sudden_hardship',
      reasons: [
        `A34 ${yuanText(a34)} 元高于${line}`,
        '核查认定家庭收入大幅缩减',
        `认定为${CATEGORY_ZH.sudden_hardship}`,
      ],
    };
  return {
    reasons: [`${incomes}，均高于${line}，且无收入大幅缩减`, '不符合监测对象认定条件'],
  };
};

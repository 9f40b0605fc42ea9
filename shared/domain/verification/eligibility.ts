/**
 * Eligibility of SPEC §3.3 (`003_…`): a household is eligible when its per-capita income after
 * compliant expenses (A38) is at or below the fund line, or — above the line — when it has no
 * stable income and its expenditure burden is clearly above its income. "Clearly above" is
 * configuration: compliant self-paid expenses A36 greater than net income A33 × `burdenIncomeFactor`
 * (default 1: the year's self-paid costs exceed the household's whole net income).
 */
import { yuanText } from '../money.ts';
import { z } from 'zod';
import type { IncomeComponents, IncomeFigures } from '../income.ts';

export const ELIGIBILITY_RULES = ['at_or_below_line', 'burden_above_income', 'above_line'] as const;

export const ComputedEligibility = z
  .object({
    eligible: z.boolean(),
    rule: z.enum(ELIGIBILITY_RULES),
    reason: z.string().meta({ description: 'zh-CN 说明' }),
  })
  .meta({ id: 'ComputedEligibility' });
export type ComputedEligibility = z.infer<typeof ComputedEligibility>;

export interface EligibilityRules {
  readonly fundLineFen: number;
  readonly burdenIncomeFactor: number;
}

/** Whether A36 > A33 × factor, exactly (the factor in millionths; no floating-point comparison of money). */
export const burdenClearlyAboveIncome = (a36Fen: number, a33Fen: number, factor: number): boolean =>
  a36Fen * 1_000_000 > a33Fen * Math.round(factor * 1_000_000);

export const assessEligibility = (
  figures: IncomeFigures,
  components: IncomeComponents,
  stableIncome: boolean,
  rules: EligibilityRules,
): ComputedEligibility => {
  const perCapita = figures.a38PerCapitaAfterExpensesFen;
  if (perCapita <= rules.fundLineFen)
    return {
      eligible: true,
      rule: 'at_or_below_line',
      reason: `人均收入（A38）${yuanText(perCapita)} 元，不高于防贫保障线 ${yuanText(rules.fundLineFen)} 元`,
    };
  if (
    !stableIncome &&
    burdenClearlyAboveIncome(components.a36SelfPaidFen, figures.a33NetFen, rules.burdenIncomeFactor)
  )
    return {
      eligible: true,
      rule: 'burden_above_income',
      reason: `人均收入（A38）${yuanText(perCapita)} 元高于保障线，但无稳定收入且合规自付支出 ${yuanText(components.a36SelfPaidFen)} 元明显高于家庭纯收入 ${yuanText(figures.a33NetFen)} 元`,
    };
  return {
    eligible: false,
    rule: 'above_line',
    reason: `人均收入（A38）${yuanText(perCapita)} 元高于防贫保障线 ${yuanText(rules.fundLineFen)} 元，且不属于无稳定收入、支出明显高于收入的情形`,
  };
};

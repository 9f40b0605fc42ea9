/**
 * Pre-screening of a referral or application (SPEC §3.1, §4.2): rows that are obviously
 * ineligible are screened out with reasons the town and village can read. Pure; every limit
 * comes from the county's year configuration.
 */
import type { FundCategory, ScreenReason } from './fund-case.ts';
import { FUND_CATEGORY_ZH } from './fund-case.ts';
import { negativeReasonLabel } from './negative-list.ts';
import type { YearConfig } from './year-config.ts';
import { yuanText } from './money.ts';

export type PrescreenInput = {
  category: FundCategory;
  amountFen: number;
  perCapitaIncomeFen?: number;
  negative?: { reason: string };
};

export const SCREEN_CODES = {
  negativeList: 'NEGATIVE_LIST',
  incomeFarAbove: 'INCOME_FAR_ABOVE_LINE',
  belowDeductible: 'AMOUNT_NOT_ABOVE_DEDUCTIBLE',
} as const;

/** The reasons a case is screened out; an empty list means it passes. */
export const prescreen = (input: PrescreenInput, config: YearConfig): ScreenReason[] => {
  const reasons: ScreenReason[] = [];
  if (input.negative) {
    reasons.push({
      code: SCREEN_CODES.negativeList,
      message: `列入负面清单：${negativeReasonLabel(input.negative.reason)}`,
    });
  }
  const incomeLimitFen = Math.round(config.prescreen.incomeFarAboveFactor * config.fundLineFen);
  if (input.perCapitaIncomeFen !== undefined && input.perCapitaIncomeFen > incomeLimitFen) {
    reasons.push({
      code: SCREEN_CODES.incomeFarAbove,
      message: `家庭人均纯收入远高于防贫监测线：人均 ${yuanText(input.perCapitaIncomeFen)} 元，高于 ${yuanText(incomeLimitFen)} 元（监测线 ${yuanText(config.fundLineFen)} 元的 ${config.prescreen.incomeFarAboveFactor} 倍）`,
    });
  }
  const deductibleFen = config.payoutRules[input.category].deductibleFen;
  if (input.amountFen <= deductibleFen) {
    reasons.push({
      code: SCREEN_CODES.belowDeductible,
      message: `金额未超过起付线：${FUND_CATEGORY_ZH[input.category]}金额 ${yuanText(input.amountFen)} 元，起付线 ${yuanText(deductibleFen)} 元`,
    });
  }
  return reasons;
};

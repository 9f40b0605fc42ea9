/**
 * The payout calculator (SPEC §3.6): the county's rule for the category applied to the household's
 * cumulative eligible amount in the fund year (this case included), capped, minus what was already
 * paid this year in the category; never negative. Integer fen throughout: rates are basis points,
 * each band's part rounds half-up to the fen (`divideHalfUp`), no floating point touches money.
 * Returns its working so a payout can show how it was reached.
 */
import { z } from 'zod';
import { divideHalfUp } from '../income.ts';
import type { FundCategory } from '../fund-case.ts';
import type { YearConfig } from '../year-config.ts';

type CategoryRule = YearConfig['payoutRules'][FundCategory];

/** The rule as the calculator applies it: bands, or a fixed amount, and the cap. */
export const EffectiveRule = z.object({
  deductibleFen: z.number().int().min(0),
  bands: z.array(
    z.object({ fromFen: z.number().int(), uptoFen: z.number().int().optional(), rateBp: z.number().int() }),
  ),
  fixedFen: z.number().int().min(0).optional(),
  capFen: z.number().int().min(0),
});
export type EffectiveRule = z.infer<typeof EffectiveRule>;

export const TierPart = z.object({
  fromFen: z.number().int().meta({ description: '本档起点（超出起付线部分，分）' }),
  uptoFen: z.number().int().optional().meta({ description: '本档上限（无则不封顶）' }),
  rateBp: z.number().int().meta({ description: '比例（万分之）' }),
  baseFen: z.number().int().meta({ description: '落入本档的金额' }),
  partFen: z.number().int().meta({ description: '本档赔付（四舍五入到分）' }),
});

export const PayoutWorking = z
  .object({
    rule: EffectiveRule,
    cumulativeFen: z.number().int().meta({ description: '本年度该类别累计合规金额（含本案）' }),
    aboveDeductibleFen: z.number().int(),
    tiers: z.array(TierPart),
    ruleAmountFen: z.number().int().meta({ description: '按规则计算的年度应赔总额（封顶前）' }),
    capApplied: z.boolean(),
    entitledFen: z.number().int().meta({ description: '年度应赔总额（封顶后）' }),
    alreadyPaidFen: z.number().int().meta({ description: '本年度该类别已赔付（含已审批未拨付）' }),
    payoutFen: z.number().int().meta({ description: '本次赔付' }),
  })
  .meta({ id: 'PayoutWorking' });
export type PayoutWorking = z.infer<typeof PayoutWorking>;

/** A float share from the configuration, as whole basis points (0.7 → 7000). */
const toBasisPoints = (rate: number): number => Math.round(rate * 10_000);

/** The category's rule, with a school level's overrides when the rule has one for it. */
export const effectiveRule = (rule: CategoryRule, schoolLevel?: string): EffectiveRule => {
  const level = schoolLevel ? rule.levels?.[schoolLevel] : undefined;
  const fixedFen = level?.fixedFen ?? (level?.rate !== undefined || level?.tiers ? undefined : rule.fixedFen);
  const tiers = level?.tiers ??
    (level?.rate !== undefined ? undefined : rule.tiers) ?? [
      { rateBp: toBasisPoints(level?.rate ?? rule.rate) },
    ];
  let fromFen = 0;
  const bands = tiers.map((tier) => {
    const band = {
      fromFen,
      ...(tier.uptoFen === undefined ? {} : { uptoFen: tier.uptoFen }),
      rateBp: tier.rateBp,
    };
    fromFen = tier.uptoFen ?? fromFen;
    return band;
  });
  return {
    deductibleFen: level?.deductibleFen ?? rule.deductibleFen,
    bands,
    ...(fixedFen === undefined ? {} : { fixedFen }),
    capFen: level?.capFen ?? rule.capFen,
  };
};

export interface PayoutInput {
  readonly rule: EffectiveRule;
  /** The household's eligible amount in the category this fund year, this case included. */
  readonly cumulativeFen: number;
  /** What was already paid (or reserved) this fund year in the category. */
  readonly alreadyPaidFen: number;
}

/** 1 billion yuan: far above any household's year, and `base × rate` stays a safe integer. */
const MAX_FEN = 100_000_000_000;

const assertFen = (name: string, value: number) => {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_FEN)
    throw new RangeError(`${name} must be an integer number of fen in [0, ${MAX_FEN}]`);
};

export const calculatePayout = ({ rule, cumulativeFen, alreadyPaidFen }: PayoutInput): PayoutWorking => {
  assertFen('cumulativeFen', cumulativeFen);
  assertFen('alreadyPaidFen', alreadyPaidFen);
  const aboveDeductibleFen = Math.max(0, cumulativeFen - rule.deductibleFen);
  const tiers =
    rule.fixedFen === undefined
      ? rule.bands.map((band) => {
          const top = band.uptoFen ?? Number.MAX_SAFE_INTEGER;
          const baseFen = Math.max(0, Math.min(aboveDeductibleFen, top) - band.fromFen);
          return { ...band, baseFen, partFen: divideHalfUp(baseFen * band.rateBp, 10_000) };
        })
      : [];
  const ruleAmountFen =
    rule.fixedFen === undefined
      ? tiers.reduce((sum, t) => sum + t.partFen, 0)
      : aboveDeductibleFen > 0
        ? rule.fixedFen
        : 0;
  const entitledFen = Math.min(rule.capFen, ruleAmountFen);
  return {
    rule,
    cumulativeFen,
    aboveDeductibleFen,
    tiers,
    ruleAmountFen,
    capApplied: ruleAmountFen > rule.capFen,
    entitledFen,
    alreadyPaidFen,
    payoutFen: Math.max(0, entitledFen - alreadyPaidFen),
  };
};

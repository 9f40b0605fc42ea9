/**
 * Household income of the collection form (`002_…` 附件3, A28–A38; SPEC §2). One computation for
 * the fund's home verification and the monitoring's identification. Money in integer fen; the
 * per-capita figures round half-up to the fen.
 */
import { z } from 'zod';

const fen = z.number().int();
const nonNegativeFen = fen.min(0, { error: '金额不能为负数' });

/** What an investigator collects at home; the server computes the rest. */
export const IncomeComponents = z
  .object({
    a28WagesFen: nonNegativeFen.meta({ description: 'A28 工资性收入（分）' }),
    a29BusinessFen: nonNegativeFen.meta({ description: 'A29 生产经营性收入（分）' }),
    a30PropertyFen: nonNegativeFen.meta({ description: 'A30 财产性收入（分）' }),
    a31TransferFen: nonNegativeFen.meta({ description: 'A31 转移性收入（分）' }),
    a32BusinessExpensesFen: nonNegativeFen.meta({ description: 'A32 生产经营性支出（分）' }),
    a35ClaimIncomeFen: nonNegativeFen.default(0).meta({ description: 'A35 理赔收入（分）' }),
    a36SelfPaidFen: nonNegativeFen.default(0).meta({ description: 'A36 合规自付支出（分）' }),
  })
  .meta({ id: 'IncomeComponents' });
export type IncomeComponents = z.infer<typeof IncomeComponents>;
export type IncomeComponentsInput = z.input<typeof IncomeComponents>;

export const IncomeFigures = z
  .object({
    members: z.number().int().min(1),
    a33NetFen: fen.meta({ description: 'A33 家庭纯收入 = A28+A29+A30+A31−A32' }),
    a34PerCapitaFen: fen.meta({ description: 'A34 家庭人均纯收入 = A33 / 人数' }),
    a37AfterExpensesFen: fen.meta({ description: 'A37 = A33 + A35 − A36' }),
    a38PerCapitaAfterExpensesFen: fen.meta({ description: 'A38 = A37 / 人数（纳入参考）' }),
  })
  .meta({ id: 'IncomeFigures' });
export type IncomeFigures = z.infer<typeof IncomeFigures>;

/** `numerator / divisor` rounded half-up (towards +∞ at exactly .5), in integers only. */
export const divideHalfUp = (numerator: number, divisor: number): number => {
  if (!Number.isInteger(numerator) || !Number.isInteger(divisor) || divisor <= 0)
    throw new RangeError('divideHalfUp takes integers and a positive divisor');
  return Math.floor((2 * numerator + divisor) / (2 * divisor));
};

/** A33, A34, A37, A38 from the components and the number of members (≥ 1). */
export const computeIncome = (components: IncomeComponents, members: number): IncomeFigures => {
  if (!Number.isInteger(members) || members < 1) throw new RangeError('a household has at least one member');
  const a33NetFen =
    components.a28WagesFen +
    components.a29BusinessFen +
    components.a30PropertyFen +
    components.a31TransferFen -
    components.a32BusinessExpensesFen;
  const a37AfterExpensesFen = a33NetFen + components.a35ClaimIncomeFen - components.a36SelfPaidFen;
  return {
    members,
    a33NetFen,
    a34PerCapitaFen: divideHalfUp(a33NetFen, members),
    a37AfterExpensesFen,
    a38PerCapitaAfterExpensesFen: divideHalfUp(a37AfterExpensesFen, members),
  };
};

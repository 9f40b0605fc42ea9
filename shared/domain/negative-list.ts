/**
 * The negative list (负面清单, SPEC §4.2, `004_…`): people who are excluded from the fund and from
 * monitoring whatever an event costs them. County staff keep it; pre-screening reads it.
 */
import { z } from 'zod';

export const NEGATIVE_REASONS = [
  'public_servant_or_legal_person',
  'high_value_house_or_car',
  'large_deposits_or_assets',
  'able_legal_supporters',
  'illegal_behaviour',
  'other',
] as const;
export const NegativeReason = z.enum(NEGATIVE_REASONS);
export type NegativeReason = z.infer<typeof NegativeReason>;

export const NEGATIVE_REASON_ZH: Readonly<Record<NegativeReason, string>> = {
  public_servant_or_legal_person: '财政供养人员或有稳定收入的企业法人',
  high_value_house_or_car: '拥有高价值房产或车辆',
  large_deposits_or_assets: '有大额存款或资产',
  able_legal_supporters: '法定赡养（抚养、扶养）人有能力赡养',
  illegal_behaviour: '有违法违规行为',
  other: '其他不符合条件的情形',
};

/** The label of a reason code; an unknown code shows as itself. */
export const negativeReasonLabel = (reason: string): string =>
  (NEGATIVE_REASON_ZH as Readonly<Record<string, string>>)[reason] ?? reason;

export const NegativeEntry = z
  .object({
    residentId: z.string().meta({ description: '列表中脱敏' }),
    personName: z.string().optional(),
    countyCode: z.string(),
    reason: NegativeReason,
    reasonLabel: z.string(),
    note: z.string().optional(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'NegativeEntry' });
export type NegativeEntry = z.infer<typeof NegativeEntry>;

export const negativeKey = (residentId: string) => ({
  pk: `NEG#${residentId.slice(0, 18).toUpperCase()}`,
  sk: 'NEG',
});

export const negativeItem = (entry: NegativeEntry): Record<string, unknown> => ({
  ...negativeKey(entry.residentId),
  entity: 'negativeEntry',
  ...entry,
  gsi1pk: `NEG#${entry.countyCode}`,
  gsi1sk: `${entry.createdAt}#${entry.residentId}`,
});

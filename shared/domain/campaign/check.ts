/**
 * A household's check in a campaign (入户排查): how it was reached and what was found. One record
 * per (campaign, household), `pk=CAMPAIGN#<id>`, `sk=CHECK#<householdId>`: recording again REPLACES
 * the record (version-checked) and keeps the earlier one in `history`, so the counters always hold
 * the latest finding of each household. The household's type for 附件2 and its member count are
 * taken when the check is recorded.
 */
import { z } from 'zod';
import { MonitoringCategory } from '../monitoring/risk.ts';
import type { HouseholdType } from '../household-schema.ts';
import type { MonitoringStatus } from '../monitoring/household-monitoring.ts';
import { campaignPartition } from './campaign.ts';

export const CHECK_METHODS = ['in_person', 'phone', 'unreachable'] as const;
export const CheckMethod = z.enum(CHECK_METHODS);
export type CheckMethod = z.infer<typeof CheckMethod>;
export const CHECK_METHOD_ZH: Readonly<Record<CheckMethod, string>> = {
  in_person: '有人在家',
  phone: '无人在家（电话联系）',
  unreachable: '无人在家（无法联系）',
};

export const FINDINGS = ['none', 'newly_identified', 'to_eliminate', 'to_roll_back', 'to_remove'] as const;
export const Finding = z.enum(FINDINGS);
export type Finding = z.infer<typeof Finding>;

/** 附件2 counts a household as 一般农户, 脱贫户 (not monitored) or 监测对象 (also when eliminated). */
export const CHECKED_TYPES = ['general', 'lifted', 'monitored'] as const;
export type CheckedType = (typeof CHECKED_TYPES)[number];

/**
 * 附件2's note: 脱贫户只统计未纳入监测对象的脱贫户，已消除风险的脱贫不稳定户计入监测对象 — a household
 * with a monitoring record that is monitored or eliminated counts as 监测对象; a removed one counts
 * by its registry type.
 */
export const checkedType = (registryType: HouseholdType, monitoring?: MonitoringStatus): CheckedType =>
  monitoring === 'monitored' || monitoring === 'eliminated'
    ? 'monitored'
    : registryType === 'monitored'
      ? 'monitored'
      : registryType;

export const CheckInput = z
  .object({
    householdId: z.string().uuid('应为有效的 UUID'),
    method: CheckMethod,
    findings: Finding,
    category: MonitoringCategory.optional().meta({
      description: '新识别时必填；其余发现取监测记录中的类别（无记录时必填）',
    }),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.findings === 'newly_identified' && !value.category)
      ctx.addIssue({ code: 'custom', path: ['category'], message: '新识别纳入监测的农户须填写监测对象类别' });
  })
  .meta({ id: 'CampaignCheckInput' });
export type CheckInput = z.infer<typeof CheckInput>;

const CheckFields = z.object({
  method: CheckMethod,
  findings: Finding,
  category: MonitoringCategory.optional(),
  note: z.string().optional(),
  checkedType: z.enum(CHECKED_TYPES),
  persons: z.number().int().min(0),
  late: z.boolean(),
  checkedAt: z.string(),
  checkedBy: z.string(),
});

export const CampaignCheck = CheckFields.extend({
  campaignId: z.string(),
  householdId: z.string(),
  countyCode: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  history: z.array(CheckFields),
  version: z.number().int(),
}).meta({ id: 'CampaignCheck' });
export type CampaignCheck = z.infer<typeof CampaignCheck>;

export const checkItem = (c: CampaignCheck): Record<string, unknown> => ({
  pk: campaignPartition(c.campaignId),
  sk: `CHECK#${c.householdId}`,
  entity: 'campaign_check',
  ...c,
});

/** The check replacing `previous` (if any): the earlier record goes to the history. */
export const nextCheck = (
  base: Omit<CampaignCheck, 'history' | 'version'>,
  previous: CampaignCheck | undefined,
): CampaignCheck => {
  if (!previous) return { ...base, history: [], version: 1 };
  const was = CheckFields.parse(previous);
  return { ...base, history: [...previous.history, was], version: previous.version + 1 };
};

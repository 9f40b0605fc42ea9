/**
 * A re-check campaign (集中排查 / 回头看, SPEC §4.7, `002_…`): a scope (the whole county, some
 * towns or some villages), the period whose income is looked at, and the stage deadlines (plan,
 * field check, fixes, summary; dates, Asia/Shanghai). Item `pk=CAMPAIGN#<id>`, `sk=CAMPAIGN`,
 * listed on gsi1 `CAMPAIGNS#<county>` / `<createdAt>#<id>`.
 */
import { z } from 'zod';
import { isWithin, levelOf, REGION_CODE } from '../region.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const CampaignScope = z.discriminatedUnion('level', [
  z.object({ level: z.literal('county') }),
  z.object({
    level: z.literal('towns'),
    codes: z
      .array(
        z
          .string()
          .regex(REGION_CODE, '区划代码应为12位数字')
          .refine((c) => levelOf(c) === 'town', '应为乡镇级区划代码'),
      )
      .min(1, '至少选择一个乡镇'),
  }),
  z.object({
    level: z.literal('villages'),
    codes: z
      .array(
        z
          .string()
          .regex(REGION_CODE, '区划代码应为12位数字')
          .refine((c) => levelOf(c) === 'village', '应为村级区划代码'),
      )
      .min(1, '至少选择一个村'),
  }),
]);
export type CampaignScope = z.infer<typeof CampaignScope>;

export const StageDeadlines = z.object({
  plan: Day.meta({ description: '制定方案截止' }),
  fieldCheck: Day.meta({ description: '入户排查截止' }),
  fixes: Day.meta({ description: '问题整改截止' }),
  summary: Day.meta({ description: '总结上报截止' }),
});

export const CampaignInput = z
  .object({
    name: z.string().trim().min(1, '名称不能为空').max(100),
    scope: CampaignScope,
    incomePeriod: z.object({ from: Day, to: Day }),
    deadlines: StageDeadlines,
  })
  .superRefine((value, ctx) => {
    if (value.incomePeriod.from > value.incomePeriod.to)
      ctx.addIssue({
        code: 'custom',
        path: ['incomePeriod', 'to'],
        message: '收入期间的结束日期不能早于开始日期',
      });
    const order = ['plan', 'fieldCheck', 'fixes', 'summary'] as const;
    order.slice(1).forEach((stage, index) => {
      const before = order[index];
      if (before && value.deadlines[stage] < value.deadlines[before])
        ctx.addIssue({
          code: 'custom',
          path: ['deadlines', stage],
          message: '各阶段截止日期应依次不早于前一阶段',
        });
    });
  })
  .meta({ id: 'CampaignInput' });
export type CampaignInput = z.infer<typeof CampaignInput>;

export const Campaign = z
  .object({
    campaignId: z.string(),
    countyCode: z.string(),
    name: z.string(),
    scope: CampaignScope,
    incomePeriod: z.object({ from: z.string(), to: z.string() }),
    deadlines: StageDeadlines,
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const campaignPartition = (campaignId: string) => `CAMPAIGN#${campaignId}`;

export const campaignItem = (c: Campaign): Record<string, unknown> => ({
  pk: campaignPartition(c.campaignId),
  sk: 'CAMPAIGN',
  entity: 'campaign',
  ...c,
  gsi1pk: `CAMPAIGNS#${c.countyCode}`,
  gsi1sk: `${c.createdAt}#${c.campaignId}`,
});

/** The scope's codes (the county itself for a county-wide campaign). */
export const scopeCodes = (c: Pick<Campaign, 'scope' | 'countyCode'>): string[] =>
  c.scope.level === 'county' ? [c.countyCode] : c.scope.codes;

/** A household of this village is in the campaign. */
export const coversVillage = (c: Pick<Campaign, 'scope' | 'countyCode'>, villageCode: string): boolean =>
  scopeCodes(c).some((code) => isWithin(villageCode, code));

/** The campaign touches this region (any level): a reader there sees it. */
export const touchesRegion = (c: Pick<Campaign, 'scope' | 'countyCode'>, regionCode: string): boolean =>
  scopeCodes(c).some((code) => isWithin(regionCode, code) || isWithin(code, regionCode));

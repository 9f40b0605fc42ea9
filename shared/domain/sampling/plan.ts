/**
 * A sampling plan (抽样复核方案, SPEC §3.4): the period, the method, the rules, the seed, and —
 * once drawn by the `sampling-draw` state machine — the population snapshot (an S3 object, its
 * sha256 kept here), the sample with the reason of each case, and what happened to the cases.
 */
import { z } from 'zod';
import { previousMonth } from '../shanghai-time.ts';
import { SAMPLE_REASONS, SamplingMethod } from './draw.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const SamplingPlanRequest = z
  .object({
    month: Month.optional().meta({ description: '核查完成的月份（与 from/to 二选一）' }),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    method: SamplingMethod.optional().meta({ description: '缺省：本年度配置的抽样比例（默认 10%）' }),
    minPerAdjuster: z.number().int().min(0).max(100).optional(),
    payoutThresholdFen: z.number().int().min(0).optional(),
    handPicked: z.array(z.string().uuid('应为有效的案件编号')).max(500).default([]),
    includeDisagreements: z.boolean().default(true),
    seed: z
      .string()
      .regex(/^[0-9a-f]{16,128}$/, '随机种子应为 16–128 位十六进制字符')
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.month === undefined && (value.from === undefined || value.to === undefined))
      ctx.addIssue({ code: 'custom', path: ['month'], message: '请填写月份，或起止日期 from 与 to' });
    if (value.month !== undefined && (value.from !== undefined || value.to !== undefined))
      ctx.addIssue({ code: 'custom', path: ['month'], message: '月份与起止日期只能填一种' });
    if (value.from && value.to && value.from > value.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  })
  .meta({ id: 'SamplingPlanRequest' });
export type SamplingPlanRequest = z.infer<typeof SamplingPlanRequest>;

export const PLAN_STATUSES = ['drawing', 'drawn', 'failed'] as const;

export const SampleEntry = z.object({
  caseId: z.string(),
  round: z.number().int(),
  adjuster: z.string(),
  reason: z.enum(SAMPLE_REASONS),
  reasonZh: z.string(),
});

export const SamplingPlan = z
  .object({
    planId: z.string(),
    countyCode: z.string(),
    from: z.string(),
    to: z.string(),
    method: SamplingMethod,
    minPerAdjuster: z.number().int(),
    payoutThresholdFen: z.number().int().optional(),
    handPicked: z.array(z.string()),
    includeDisagreements: z.boolean(),
    discrepancyRateFactor: z.number(),
    seed: z.string(),
    seedGenerated: z.boolean(),
    status: z.enum(PLAN_STATUSES),
    createdBy: z.string(),
    createdAt: z.string(),
    populationKey: z.string().optional(),
    populationSha256: z.string().optional(),
    populationSize: z.number().int().optional(),
    raisedAdjusters: z.array(z.string()).optional(),
    baseSize: z.number().int().optional(),
    sample: z.array(SampleEntry).optional(),
    handPickedNotInPopulation: z.array(z.string()).optional(),
    moved: z
      .object({
        toReinspection: z.number().int(),
        toDeliberation: z.number().int(),
        closed: z.number().int(),
        skipped: z.number().int(),
      })
      .optional(),
    drawnAt: z.string().optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'SamplingPlan' });
export type SamplingPlan = z.infer<typeof SamplingPlan>;

/** The period as Asia/Shanghai dates: a month's first and last day, or from/to as given. */
export const periodOf = (request: Pick<SamplingPlanRequest, 'month' | 'from' | 'to'>) => {
  if (request.month) {
    const [y, m] = request.month.split('-').map(Number);
    const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
    return { from: `${request.month}-01`, to: `${request.month}-${String(last).padStart(2, '0')}` };
  }
  return { from: request.from ?? '', to: request.to ?? '' };
};

/**
 * "Last period" (for the raised rate): the calendar month before when the period is a whole month,
 * otherwise the period of the same length that ends the day before `from`.
 */
export const previousPeriod = (from: string, to: string) => {
  const month = from.slice(0, 7);
  if (from.endsWith('-01') && periodOf({ month }).to === to) return periodOf({ month: previousMonth(month) });
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = Date.parse(`${to}T00:00:00Z`) - start + day;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - length), to: iso(start - day) };
};

/**
 * The quarterly assistance-effect assessment list (帮扶成效评估, SPEC §4.7, `000_…` “每季度至少集中开展一次
 * 帮扶效果评估”): every household monitored at the quarter's end or eliminated during it, with its
 * category, risks, measures, the quarter's assessment (or flagged 未评估) and its income trend.
 * Pure; the head's name is masked here.
 */
import { z } from 'zod';
import { maskName } from '../mask.ts';
import { yuanText } from '../money.ts';
import type { Assessment, HouseholdMonitoring, IncomeRecord } from '../monitoring/household-monitoring.ts';
import { MEASURE_STATUSES, planFlags, type Measure } from '../monitoring/measures.ts';
import { MonitoringCategory, RiskType } from '../monitoring/risk.ts';
import type { QuarterSpan } from './period.ts';

export const EFFECTS = ['good', 'fair', 'poor', 'not_assessed'] as const;
export type Effect = (typeof EFFECTS)[number];
export const EFFECT_LABELS: Readonly<Record<Effect, string>> = {
  good: '好',
  fair: '一般',
  poor: '差',
  not_assessed: '未评估',
};

export const TRENDS = ['up', 'down', 'flat', 'single', 'none'] as const;
export type Trend = (typeof TRENDS)[number];
export const TREND_LABELS: Readonly<Record<Trend, string>> = {
  up: '上升',
  down: '下降',
  flat: '持平',
  single: '仅一条记录',
  none: '无收入记录',
};

export const IncomeTrend = z.object({
  trend: z.enum(TRENDS),
  fromMonth: z.string().optional(),
  fromA34Fen: z.number().int().optional(),
  toMonth: z.string().optional(),
  toA34Fen: z.number().int().optional(),
  changeFen: z.number().int().optional(),
});
export type IncomeTrend = z.infer<typeof IncomeTrend>;

export const AssessmentEntry = z
  .object({
    entryKey: z.string(),
    householdId: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    headName: z.string().meta({ description: '户主姓名（脱敏）' }),
    statusAtQuarterEnd: z.enum(['monitored', 'eliminated']),
    eliminatedAt: z.string().optional(),
    category: MonitoringCategory,
    risks: z.array(RiskType),
    measures: z.array(
      z.object({
        code: z.string(),
        field: z.string(),
        label: z.string(),
        risk: RiskType,
        status: z.enum(MEASURE_STATUSES),
      }),
    ),
    effect: z.enum(EFFECTS),
    assessmentNote: z.string().optional(),
    assessedAt: z.string().optional(),
    income: IncomeTrend,
    flags: z.array(z.string()),
  })
  .meta({ id: 'AssessmentEntry' });
export type AssessmentEntry = z.infer<typeof AssessmentEntry>;

export interface HouseholdRecords {
  readonly state: HouseholdMonitoring;
  readonly headName: string;
  readonly measures: readonly Measure[];
  readonly assessments: readonly Assessment[];
  readonly incomes: readonly IncomeRecord[];
}

/** Monitored at the quarter's end, eliminated during it, or neither (not listed). */
export const statusAtQuarterEnd = (
  state: HouseholdMonitoring,
  span: QuarterSpan,
): 'monitored' | 'eliminated' | undefined => {
  const end = span.end.toISOString();
  const start = span.start.toISOString();
  if (state.monitoredSince >= end) return undefined;
  if (state.status === 'monitored') return 'monitored';
  const leftAt = state.status === 'eliminated' ? state.eliminatedAt : state.removedAt;
  if (leftAt === undefined) return undefined;
  if (leftAt >= end) return 'monitored';
  if (state.status === 'eliminated' && leftAt >= start) return 'eliminated';
  return undefined;
};

/**
 * Per-capita net income (A34) at the quarter's start against its latest record up to the quarter's
 * end. The start is the latest record at or before the quarter's first month, else the quarter's
 * first record.
 */
export const incomeTrend = (incomes: readonly IncomeRecord[], span: QuarterSpan): IncomeTrend => {
  const upToEnd = [...incomes]
    .filter((r) => r.month <= span.lastMonth)
    .sort((a, b) => a.month.localeCompare(b.month));
  const to = upToEnd[upToEnd.length - 1];
  if (!to) return { trend: 'none' };
  const atStart = upToEnd.filter((r) => r.month <= span.firstMonth);
  const from = atStart[atStart.length - 1] ?? upToEnd[0];
  const toFields = { toMonth: to.month, toA34Fen: to.figures.a34PerCapitaFen };
  if (!from || from.month === to.month) return { trend: 'single', ...toFields };
  const changeFen = to.figures.a34PerCapitaFen - from.figures.a34PerCapitaFen;
  return {
    trend: changeFen > 0 ? 'up' : changeFen < 0 ? 'down' : 'flat',
    fromMonth: from.month,
    fromA34Fen: from.figures.a34PerCapitaFen,
    ...toFields,
    changeFen,
  };
};

const flagsOf = (
  quarter: string,
  effect: Effect,
  trend: IncomeTrend,
  records: HouseholdRecords,
  measures: readonly Measure[],
  span: QuarterSpan,
): string[] => {
  const flags: string[] = [];
  if (effect === 'not_assessed') flags.push(`未评估：${quarter} 尚未填报帮扶成效评估`);
  for (const flag of planFlags(records.state.risks, measures, Number.POSITIVE_INFINITY))
    flags.push(flag.message);
  if (trend.trend === 'down' && trend.changeFen !== undefined)
    flags.push(`人均纯收入下降 ${yuanText(-trend.changeFen)} 元（${trend.fromMonth} → ${trend.toMonth}）`);
  if (trend.trend === 'none') flags.push('无收入记录');
  else if (trend.toMonth !== undefined && trend.toMonth < span.firstMonth)
    flags.push(`本季度无收入记录（最近一次为 ${trend.toMonth}）`);
  return flags;
};

/** The quarter's entry of a household, or undefined when it was neither monitored nor eliminated then. */
export const assessHousehold = (
  quarter: string,
  span: QuarterSpan,
  records: HouseholdRecords,
): AssessmentEntry | undefined => {
  const { state } = records;
  const status = statusAtQuarterEnd(state, span);
  if (!status) return undefined;
  const end = span.end.toISOString();
  const measures = records.measures
    .filter((m) => m.createdAt < end)
    .sort((a, b) => a.field.localeCompare(b.field) || a.createdAt.localeCompare(b.createdAt));
  const assessment = records.assessments.find((a) => a.quarter === quarter);
  const effect: Effect = assessment?.effect ?? 'not_assessed';
  const income = incomeTrend(records.incomes, span);
  return {
    entryKey: state.householdId,
    householdId: state.householdId,
    townCode: state.townCode,
    villageCode: state.villageCode,
    headName: maskName(records.headName),
    statusAtQuarterEnd: status,
    ...(status === 'eliminated' && state.eliminatedAt ? { eliminatedAt: state.eliminatedAt } : {}),
    category: state.category,
    risks: [...state.risks],
    measures: measures.map((m) => ({
      code: m.code,
      field: m.field,
      label: m.label,
      risk: m.risk,
      status: m.status,
    })),
    effect,
    ...(assessment?.note ? { assessmentNote: assessment.note } : {}),
    ...(assessment ? { assessedAt: assessment.at } : {}),
    income,
    flags: flagsOf(quarter, effect, income, records, measures, span),
  };
};

/** The tallies an entry adds to its county, town and village counts. */
export const assessmentTallies = (entry: AssessmentEntry): string[] => [
  'households',
  entry.effect,
  ...(entry.statusAtQuarterEnd === 'eliminated' ? ['eliminated'] : []),
];

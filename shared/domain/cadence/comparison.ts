/**
 * The monthly data comparison (数据比对, SPEC §4.7, `000_…` “月比对”): the departments' data of a month
 * against the monitored households. Two lists, each entry with its reasons in zh-CN:
 * - `not_monitored` — a person in a department's data of the month (a referral case created from
 *   that month's submissions, with its further reports) whose household is not monitored;
 * - `income_above_line` — a monitored household whose latest income record up to the month shows a
 *   per-capita net income (A34) above the year's monitoring line, or whose case of the month was
 *   screened out by a department-reported income far above the line.
 * Pure; names and resident IDs are masked here, so a stored list holds no full personal data.
 */
import { z } from 'zod';
import { DEPARTMENT_LABELS } from '../submission-board.ts';
import { FUND_CATEGORY_ZH, FundCategory, type ScreenReason } from '../fund-case.ts';
import { HouseholdType } from '../household-schema.ts';
import { maskName, maskResidentId } from '../mask.ts';
import { yuanText } from '../money.ts';
import { MONITORING_STATUS_ZH, MonitoringStatus } from '../monitoring/household-monitoring.ts';
import { SCREEN_CODES } from '../prescreen.ts';
import type { Department } from '../../auth/roles.ts';

export const COMPARISON_LISTS = ['not_monitored', 'income_above_line'] as const;
export type ComparisonList = (typeof COMPARISON_LISTS)[number];

export const COMPARISON_LIST_ZH: Readonly<Record<ComparisonList, string>> = {
  not_monitored: '部门数据中有、未纳入监测',
  income_above_line: '监测对象收入高于监测线',
};

export const HOUSEHOLD_TYPE_ZH: Readonly<Record<HouseholdType, string>> = {
  general: '一般农户',
  lifted: '脱贫户',
  monitored: '监测户',
};

export const ComparisonEntry = z
  .object({
    entryKey: z.string(),
    list: z.enum(COMPARISON_LISTS),
    householdId: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    caseId: z.string().optional(),
    personName: z.string().optional().meta({ description: '脱敏' }),
    residentId: z.string().optional().meta({ description: '脱敏' }),
    departments: z.array(z.string()).optional(),
    category: FundCategory.optional(),
    eventDate: z.string().optional(),
    amountFen: z.number().int().optional(),
    caseStatus: z.string().optional(),
    householdType: HouseholdType.optional(),
    monitoringStatus: MonitoringStatus.optional(),
    headName: z.string().optional().meta({ description: '户主姓名（脱敏）' }),
    incomeMonth: z.string().optional(),
    a34PerCapitaFen: z.number().int().optional(),
    monitoringLineFen: z.number().int().optional(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'ComparisonEntry' });
export type ComparisonEntry = z.infer<typeof ComparisonEntry>;

/** One department report of the event: the case's own first report or a further one. */
export interface DepartmentReport {
  readonly department: Department;
  readonly sourceRef: string;
  readonly amountFen: number;
}

/** A referral case created from one of the month's submissions. */
export interface MonthCase {
  readonly caseId: string;
  readonly householdId: string;
  readonly townCode: string;
  readonly villageCode: string;
  readonly residentId: string;
  readonly personName: string;
  readonly category: FundCategory;
  readonly eventDate: string;
  readonly amountFen: number;
  readonly status: string;
  readonly screenReasons: readonly ScreenReason[];
  /** The first report, then the further reports of the month. */
  readonly reports: readonly DepartmentReport[];
}

export interface HouseholdFacts {
  readonly type?: HouseholdType;
  /** The household's monitoring record, when it has one (eliminated / removed ones are not monitored). */
  readonly monitoringStatus?: MonitoringStatus;
}

export interface MonitoredHousehold {
  readonly householdId: string;
  readonly townCode: string;
  readonly villageCode: string;
  readonly headName: string;
  /** The latest income record up to the compared month. */
  readonly latestIncome?: { readonly month: string; readonly a34PerCapitaFen: number };
}

export interface ComparisonInput {
  readonly period: string;
  readonly monitoringLineFen: number;
  readonly cases: readonly MonthCase[];
  /** The registry facts of the cases' households. */
  readonly households: ReadonlyMap<string, HouseholdFacts>;
  readonly monitored: readonly MonitoredHousehold[];
}

const departmentsOf = (c: MonthCase): string[] => [
  ...new Set(c.reports.map((r) => DEPARTMENT_LABELS[r.department])),
];

const notMonitoredReasons = (c: MonthCase, facts: HouseholdFacts | undefined): string[] => {
  const type = facts?.type ? HOUSEHOLD_TYPE_ZH[facts.type] : '登记类型未知';
  const reasons = [
    `${departmentsOf(c).join('、')}推送的${FUND_CATEGORY_ZH[c.category]}数据中有此人（事件日期 ${c.eventDate}，金额 ${yuanText(c.amountFen)} 元），其家庭未纳入监测（${type}）`,
  ];
  if (facts?.monitoringStatus && facts.monitoringStatus !== 'monitored')
    reasons.push(
      `该户曾为监测对象，现为“${MONITORING_STATUS_ZH[facts.monitoringStatus]}”，请核实是否需要回退`,
    );
  return reasons;
};

const incomeReason = (month: string, a34: number, line: number): string =>
  `最新收入记录（${month}）家庭人均纯收入（A34）${yuanText(a34)} 元，高于监测线 ${yuanText(line)} 元`;

/** The month's two lists, ordered by village, then list, then key. */
export const compareMonth = (input: ComparisonInput): ComparisonEntry[] => {
  const monitoredIds = new Set(input.monitored.map((h) => h.householdId));
  const entries: ComparisonEntry[] = [];

  for (const c of input.cases) {
    if (monitoredIds.has(c.householdId)) continue;
    const facts = input.households.get(c.householdId);
    entries.push({
      entryKey: `A#${c.caseId}`,
      list: 'not_monitored',
      householdId: c.householdId,
      townCode: c.townCode,
      villageCode: c.villageCode,
      caseId: c.caseId,
      personName: maskName(c.personName),
      residentId: maskResidentId(c.residentId),
      departments: departmentsOf(c),
      category: c.category,
      eventDate: c.eventDate,
      amountFen: c.amountFen,
      caseStatus: c.status,
      ...(facts?.type ? { householdType: facts.type } : {}),
      ...(facts?.monitoringStatus ? { monitoringStatus: facts.monitoringStatus } : {}),
      reasons: notMonitoredReasons(c, facts),
    });
  }

  const casesOf = new Map<string, MonthCase[]>();
  for (const c of input.cases)
    if (monitoredIds.has(c.householdId))
      casesOf.set(c.householdId, [...(casesOf.get(c.householdId) ?? []), c]);

  for (const h of input.monitored) {
    const reasons: string[] = [];
    const income = h.latestIncome;
    const above = income !== undefined && income.a34PerCapitaFen > input.monitoringLineFen;
    if (above) reasons.push(incomeReason(income.month, income.a34PerCapitaFen, input.monitoringLineFen));
    for (const c of casesOf.get(h.householdId) ?? [])
      for (const reason of c.screenReasons)
        if (reason.code === SCREEN_CODES.incomeFarAbove)
          reasons.push(
            `${departmentsOf(c).join('、')}推送的${FUND_CATEGORY_ZH[c.category]}数据（事件日期 ${c.eventDate}）显示收入偏高：${reason.message}`,
          );
    if (reasons.length === 0) continue;
    entries.push({
      entryKey: `B#${h.householdId}`,
      list: 'income_above_line',
      householdId: h.householdId,
      townCode: h.townCode,
      villageCode: h.villageCode,
      headName: maskName(h.headName),
      householdType: 'monitored',
      monitoringStatus: 'monitored',
      ...(income ? { incomeMonth: income.month, a34PerCapitaFen: income.a34PerCapitaFen } : {}),
      monitoringLineFen: input.monitoringLineFen,
      reasons,
    });
  }

  return entries.sort(
    (a, b) => a.villageCode.localeCompare(b.villageCode) || a.entryKey.localeCompare(b.entryKey),
  );
};

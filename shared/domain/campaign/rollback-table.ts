/**
 * The rollback/removal table of `002_…` 附件5 (监测对象回退、清退情况统计表): one line per completed
 * rollback (回退) or removal (清退) procedure of a household in the campaign's scope, approved within
 * the campaign's period (the income period's first day to the summary deadline, Asia/Shanghai).
 * Columns as the form: 县市区, 镇, 村, 户主姓名, 户主证件号码, 识别纳入人数, 纳入监测时间, 风险类型,
 * 回退清退情况, 原因详情. Pure; the use case loads procedures, states and households.
 */
import { z } from 'zod';
import type { Household } from '../household-schema.ts';
import type { HouseholdMonitoring } from '../monitoring/household-monitoring.ts';
import type { Procedure } from '../monitoring/procedure.ts';
import { RISK_ZH } from '../monitoring/risk.ts';
import { shanghaiDate } from '../shanghai-time.ts';
import type { Campaign } from './campaign.ts';
import { coversVillage } from './campaign.ts';

export const ChangeKind = z.enum(['rollback', 'removal']);
export type ChangeKind = z.infer<typeof ChangeKind>;
export const CHANGE_KIND_ZH: Readonly<Record<ChangeKind, string>> = { rollback: '回退', removal: '清退' };

export const RollbackLine = z
  .object({
    householdId: z.string(),
    procedureId: z.string(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    headName: z.string(),
    headIdNumber: z.string(),
    persons: z.number().int().meta({ description: '识别纳入人数（在册人数）' }),
    monitoredSince: z.string().meta({ description: '纳入监测时间（日期）' }),
    risks: z.array(z.string()).meta({ description: '风险类型（中文）' }),
    kind: ChangeKind,
    kindZh: z.string(),
    reason: z.string(),
    approvedOn: z.string(),
  })
  .meta({ id: 'RollbackLine' });
export type RollbackLine = z.infer<typeof RollbackLine>;

/** The campaign's period as Shanghai dates, inclusive. */
export const campaignPeriod = (c: Pick<Campaign, 'incomePeriod' | 'deadlines'>) => ({
  from: c.incomePeriod.from,
  to: c.deadlines.summary,
});

/** The approval day of a completed procedure (its outcome), Asia/Shanghai. */
const approvedOn = (p: Procedure): string | undefined =>
  p.status === 'completed' && p.outcome ? shanghaiDate(new Date(p.outcome.at)) : undefined;

/** Whether this procedure belongs in the campaign's 附件5 table. */
export const countsInTable = (campaign: Campaign, p: Procedure): boolean => {
  const day = approvedOn(p);
  if (!day || (p.kind !== 'rollback' && p.kind !== 'removal')) return false;
  const period = campaignPeriod(campaign);
  return day >= period.from && day <= period.to && coversVillage(campaign, p.villageCode);
};

/**
 * One line. 纳入监测时间: for a rollback, the day monitoring resumed (the rollback's approval); for a
 * removal, the start of the monitoring period it ended. Persons: the household's active members.
 */
export const rollbackLine = (
  p: Procedure,
  household: Pick<Household, 'headName' | 'members'>,
  state: Pick<HouseholdMonitoring, 'monitoredSince' | 'risks'> | undefined,
): RollbackLine => {
  const kind = ChangeKind.parse(p.kind);
  const day = approvedOn(p) ?? '';
  const active = household.members.filter((m) => m.status === 'active');
  const head = active.find((m) => m.relation === 'head');
  return {
    householdId: p.householdId,
    procedureId: p.procedureId,
    countyCode: p.countyCode,
    townCode: p.townCode,
    villageCode: p.villageCode,
    headName: household.headName,
    headIdNumber: head?.idNumber ?? '',
    persons: active.length,
    monitoredSince: kind === 'rollback' ? day : state ? shanghaiDate(new Date(state.monitoredSince)) : '',
    risks: (state?.risks ?? []).map((r) => RISK_ZH[r]),
    kind,
    kindZh: CHANGE_KIND_ZH[kind],
    reason: p.change?.reason ?? p.outcome?.reason ?? '',
    approvedOn: day,
  };
};

export interface RollbackTotals {
  readonly rollback: { households: number; persons: number };
  readonly removal: { households: number; persons: number };
}

export const rollbackTotals = (lines: readonly RollbackLine[]): RollbackTotals => {
  const of = (kind: ChangeKind) => {
    const byHousehold = new Map(lines.filter((l) => l.kind === kind).map((l) => [l.householdId, l.persons]));
    return { households: byHousehold.size, persons: [...byHousehold.values()].reduce((s, n) => s + n, 0) };
  };
  return { rollback: of('rollback'), removal: of('removal') };
};

export const ROLLUP_LEVELS = ['village', 'town', 'county'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];

/** The totals per village, town or county of the lines, by code. */
export const rollUpLines = (
  lines: readonly RollbackLine[],
  level: RollupLevel,
): { code: string; totals: RollbackTotals }[] => {
  const codeOf = (l: RollbackLine) =>
    level === 'village' ? l.villageCode : level === 'town' ? l.townCode : l.countyCode;
  const codes = [...new Set(lines.map(codeOf))].sort();
  return codes.map((code) => ({ code, totals: rollbackTotals(lines.filter((l) => codeOf(l) === code)) }));
};

/** Lines in the form's order: town, village, approval day, procedure. */
export const sortLines = (lines: readonly RollbackLine[]): RollbackLine[] =>
  [...lines].sort(
    (a, b) =>
      a.townCode.localeCompare(b.townCode) ||
      a.villageCode.localeCompare(b.villageCode) ||
      a.approvedOn.localeCompare(b.approvedOn) ||
      a.procedureId.localeCompare(b.procedureId),
  );

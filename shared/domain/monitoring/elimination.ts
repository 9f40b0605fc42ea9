/**
 * Risk elimination (风险消除, SPEC §4.5): the guards and the four conditions, pure. Each refusal
 * names its guard with a stable code and a zh-CN message:
 * - `INCOME_BELOW_FLOOR`: per-capita income (A38) below the floor (5,000 yuan) → never eliminated;
 * - `NO_LABOUR_ABILITY`: no active member able to work → stays under safety-net follow-up;
 * - `MONITORED_TOO_SHORT`: monitored fewer months than the county minimum (3 by default);
 * - `INCOME_ABOVE_LINE_TOO_SHORT`: fewer consecutive months with A38 above the line than required (6);
 * - the four conditions, each attested by the cadre (and measures checked against the risks):
 *   `MEASURES_NOT_IN_PLACE`, `ASSURANCES_NOT_STABLE`, `INCOME_NOT_STABLE`, `RIGID_EXPENSES_NOT_SOLVED`.
 * Natural elimination (自然消除) does not need measures in place.
 */
import type { Member } from '../household-schema.ts';
import { previousMonth, shanghaiDate, shanghaiMonth } from '../shanghai-time.ts';
import { yuanText } from '../money.ts';
import type { MonitoringConfig } from './identification.ts';
import type { Attestations } from './procedure.ts';
import { RISK_ZH, type RiskType } from './risk.ts';

export interface GuardFailure {
  readonly code: string;
  readonly message: string;
}

export interface IncomeMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly a38PerCapitaFen: number;
}

export interface EliminationFacts {
  readonly method: 'assistance' | 'natural';
  readonly now: Date;
  readonly monitoredSince: string;
  /** The latest per-capita income after rigid expenses (A38). */
  readonly latestA38Fen?: number;
  readonly members: readonly Pick<Member, 'labour' | 'status'>[];
  readonly incomeHistory: readonly IncomeMonth[];
  readonly risks: readonly RiskType[];
  /** Risks with at least one measure under way or done. */
  readonly risksCovered: readonly RiskType[];
  readonly attestations: Attestations;
  readonly lineFen: number;
  readonly floorFen: number;
  readonly cfg: Pick<MonitoringConfig, 'minMonthsMonitored' | 'incomeAboveLineMonths'>;
}

/** Whole calendar months from `since` to `now` (Asia/Shanghai dates). */
export const monthsBetween = (since: string, now: Date): number => {
  const [y1, m1, d1] = shanghaiDate(new Date(since)).split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = shanghaiDate(now).split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
};

/**
 * Consecutive months with A38 above the line, counted back from this month (or, when this month
 * has no record yet, from the month before); a month with no record or not above ends the run.
 */
export const monthsAboveLine = (history: readonly IncomeMonth[], lineFen: number, now: Date): number => {
  const byMonth = new Map(history.map((h) => [h.month, h.a38PerCapitaFen]));
  let month = shanghaiMonth(now);
  if (!byMonth.has(month)) month = previousMonth(month);
  let count = 0;
  for (;;) {
    const value = byMonth.get(month);
    if (value === undefined || value <= lineFen) return count;
    count += 1;
    month = previousMonth(month);
  }
};

const NO_LABOUR = new Set(['none', 'lost']);

export const eliminationGuards = (f: EliminationFacts): GuardFailure[] => {
  const failures: GuardFailure[] = [];
  if (f.latestA38Fen === undefined || f.latestA38Fen < f.floorFen)
    failures.push({
      code: 'INCOME_BELOW_FLOOR',
      message:
        f.latestA38Fen === undefined
          ? '尚无收入记录，不能风险消除'
          : `人均纯收入 ${yuanText(f.latestA38Fen)} 元低于 ${yuanText(f.floorFen)} 元，不得风险消除`,
    });
  const active = f.members.filter((m) => m.status === 'active');
  if (active.length === 0 || active.every((m) => NO_LABOUR.has(m.labour)))
    failures.push({
      code: 'NO_LABOUR_ABILITY',
      message: '家庭无劳动能力，不得风险消除，继续落实兜底保障并跟踪监测',
    });
  const months = monthsBetween(f.monitoredSince, f.now);
  if (months < f.cfg.minMonthsMonitored)
    failures.push({
      code: 'MONITORED_TOO_SHORT',
      message: `纳入监测 ${months} 个月，不足 ${f.cfg.minMonthsMonitored} 个月`,
    });
  const above = monthsAboveLine(f.incomeHistory, f.lineFen, f.now);
  if (above < f.cfg.incomeAboveLineMonths)
    failures.push({
      code: 'INCOME_ABOVE_LINE_TOO_SHORT',
      message: `收入连续高于监测线 ${above} 个月，不足 ${f.cfg.incomeAboveLineMonths} 个月`,
    });
  const uncovered = f.risks.filter((r) => !f.risksCovered.includes(r));
  if (f.method === 'assistance' && (!f.attestations.measuresInPlace || uncovered.length > 0))
    failures.push({
      code: 'MEASURES_NOT_IN_PLACE',
      message:
        uncovered.length > 0
          ? `风险“${uncovered.map((r) => RISK_ZH[r]).join('、')}”的帮扶措施尚未落实`
          : '帮扶措施尚未落实到位',
    });
  if (!f.attestations.assurancesStable)
    failures.push({ code: 'ASSURANCES_NOT_STABLE', message: '“两不愁三保障”及饮水安全尚未稳定' });
  if (!f.attestations.incomeStable)
    failures.push({ code: 'INCOME_NOT_STABLE', message: '收入尚未持续稳定高于监测线' });
  if (!f.attestations.rigidExpensesSolved)
    failures.push({ code: 'RIGID_EXPENSES_NOT_SOLVED', message: '大额刚性支出问题尚未解决' });
  return failures;
};

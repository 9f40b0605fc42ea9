/**
 * The identification procedure (识别程序, SPEC §4.3) as a pure state machine: the steps and who
 * does them (`steps.ts`, checked by `assertStep` in `procedure.ts`), the opening's guards and the
 * due dates. Whole procedure ≤ `procedureDays` (15) from opening; each step is due
 * `stepDays[step]` days after opening (never later than the whole); the monitoring contact and
 * the assistance plan are due `assistanceSetupDays` (10) after approval. Days are counted as
 * 24-hour periods from the instant of opening/approval.
 */
import { Conflict } from '../../http/errors.ts';
import type { YearConfig } from '../year-config.ts';
import type { Procedure } from './procedure.ts';
import { STEP_ORDER, STEP_ZH, type StepName } from './steps.ts';

export type MonitoringConfig = YearConfig['monitoring'];

const DAY_MS = 24 * 60 * 60 * 1000;
export const addDays = (iso: string, days: number): string =>
  new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();

export const procedureDueAt = (openedAt: string, cfg: MonitoringConfig): string =>
  addDays(openedAt, cfg.procedureDays);

export const stepDueAt = (openedAt: string, step: StepName, cfg: MonitoringConfig): string =>
  addDays(openedAt, Math.min(cfg.stepDays[step], cfg.procedureDays));

export const assistanceSetupDueAt = (approvedAt: string, cfg: MonitoringConfig): string =>
  addDays(approvedAt, cfg.assistanceSetupDays);

export interface StepScheduleEntry {
  readonly step: StepName;
  readonly label: string;
  readonly dueAt?: string;
  readonly doneAt?: string;
  readonly overdue: boolean;
}

/** Each step of the procedure with its due date, when it was done, and whether it is overdue now. */
export const stepSchedule = (p: Procedure, cfg: MonitoringConfig, now: Date): StepScheduleEntry[] =>
  STEP_ORDER[p.kind].map((step) => {
    const doneAt = p.steps[step]?.at;
    const dueAt = p.kind === 'identification' ? stepDueAt(p.openedAt, step, cfg) : undefined;
    const overdue =
      dueAt !== undefined &&
      (doneAt ? doneAt > dueAt : p.status === 'in_progress' && now.toISOString() > dueAt);
    return {
      step,
      label: STEP_ZH[step],
      ...(dueAt ? { dueAt } : {}),
      ...(doneAt ? { doneAt } : {}),
      overdue,
    };
  });

/** The open step that is past its due date now, if any (only an identification in progress). */
export const overdueStep = (
  p: Procedure,
  cfg: MonitoringConfig,
  now: Date,
): { step: StepName; dueAt: string } | undefined => {
  if (p.kind !== 'identification' || p.status !== 'in_progress') return undefined;
  const late = stepSchedule(p, cfg, now).find((s) => !s.doneAt && s.overdue);
  return late?.dueAt ? { step: late.step, dueAt: late.dueAt } : undefined;
};

export const NEGATIVE_LIST = 'NEGATIVE_LIST';
export const ALREADY_MONITORED = 'ALREADY_MONITORED';
export const PROCEDURE_OPEN = 'PROCEDURE_OPEN';

export interface OpeningFacts {
  readonly householdType: string;
  readonly monitoringStatus?: string;
  readonly openProcedureId?: string;
  /** zh-CN reasons of the negative-list entries of the household's members. */
  readonly negativeReasons: readonly string[];
}

/** Refuses an identification a household cannot have: negative list, already monitored, one open. */
export const assertCanOpenIdentification = (facts: OpeningFacts): void => {
  if (facts.negativeReasons.length > 0)
    throw new Conflict(
      `该户家庭成员在负面清单内（${[...new Set(facts.negativeReasons)].join('；')}），不予纳入监测`,
      NEGATIVE_LIST,
      { reasons: [...new Set(facts.negativeReasons)] },
    );
  if (facts.householdType === 'monitored' || facts.monitoringStatus === 'monitored')
    throw new Conflict('该户已是监测对象', ALREADY_MONITORED);
  if (facts.openProcedureId)
    throw new Conflict('该户已有办理中的监测程序', PROCEDURE_OPEN, { procedureId: facts.openProcedureId });
};

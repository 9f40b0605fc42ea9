/**
 * A household's monitoring record, kept under its own partition `pk=MON#<householdId>` (the
 * registry's household item only carries the type `monitored`):
 * - `sk=STATE`: status (monitored / eliminated / removed), category with reasons, since when,
 *   the risks, the monitoring contact, the assistance set-up due date, the registry type before
 *   monitoring (restored at elimination or removal), `version`. While the contact or the plan is
 *   missing it is listed on gsi1 `MONSETUP#<county>` / `<dueAt>#<householdId>` for the sweep;
 * - `sk=OPENPROC`: the household's procedure in progress (one at a time);
 * - `sk=MEASURE#<measureId>`: assistance measures; `sk=ASSESS#<quarter>`: quarterly assessments;
 * - `sk=INCOME#<YYYY-MM>`: the monthly income history (A38) the elimination guards read.
 */
import { z } from 'zod';
import { HouseholdType } from '../household-schema.ts';
import { IncomeComponents, IncomeFigures } from '../income.ts';
import { MonitoringCategory, RiskType } from './risk.ts';

export const MONITORING_STATUSES = ['monitored', 'eliminated', 'removed'] as const;
export const MonitoringStatus = z.enum(MONITORING_STATUSES);
export type MonitoringStatus = z.infer<typeof MonitoringStatus>;

export const MONITORING_STATUS_ZH: Readonly<Record<MonitoringStatus, string>> = {
  monitored: '监测中',
  eliminated: '风险已消除',
  removed: '已清退',
};

export const Contact = z.object({
  name: z.string(),
  phone: z.string(),
  position: z.string().optional(),
  setAt: z.string(),
  setBy: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const HouseholdMonitoring = z
  .object({
    householdId: z.string(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    status: MonitoringStatus,
    category: MonitoringCategory,
    categoryReasons: z.array(z.string()),
    risks: z.array(RiskType),
    /** Start of the current monitoring period (approval of identification or rollback). */
    monitoredSince: z.string(),
    /** The procedure that started the current period: the assistance plan's id. */
    planId: z.string(),
    typeBefore: HouseholdType,
    greenChannel: z.boolean().default(false),
    contact: Contact.optional(),
    /** Contact and plan due (cleared once both are there). */
    setupDueAt: z.string().optional(),
    eliminatedAt: z.string().optional(),
    eliminationMethod: z.enum(['assistance', 'natural']).optional(),
    removedAt: z.string().optional(),
    removalReason: z.string().optional(),
    rollbacks: z.array(z.object({ at: z.string(), reason: z.string(), procedureId: z.string() })).default([]),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'HouseholdMonitoring' });
export type HouseholdMonitoring = z.infer<typeof HouseholdMonitoring>;

export const monitoringPartition = (householdId: string) => `MON#${householdId}`;
export const stateKey = (householdId: string) => ({ pk: monitoringPartition(householdId), sk: 'STATE' });
export const openProcedureKey = (householdId: string) => ({
  pk: monitoringPartition(householdId),
  sk: 'OPENPROC',
});

export const stateItem = (state: HouseholdMonitoring): Record<string, unknown> => ({
  ...stateKey(state.householdId),
  entity: 'household_monitoring',
  ...state,
  ...(state.setupDueAt && state.status === 'monitored'
    ? { gsi1pk: `MONSETUP#${state.countyCode}`, gsi1sk: `${state.setupDueAt}#${state.householdId}` }
    : {}),
});

export const IncomeRecord = z
  .object({
    householdId: z.string(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    components: IncomeComponents,
    figures: IncomeFigures,
    source: z.enum(['verification', 'monthly']),
    procedureId: z.string().optional(),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .meta({ id: 'IncomeRecord' });
export type IncomeRecord = z.infer<typeof IncomeRecord>;

export const incomeItem = (r: IncomeRecord): Record<string, unknown> => ({
  pk: monitoringPartition(r.householdId),
  sk: `INCOME#${r.month}`,
  entity: 'income_record',
  ...r,
});

export const QUARTER = /^\d{4}-Q[1-4]$/;

export const Assessment = z
  .object({
    householdId: z.string(),
    planId: z.string(),
    quarter: z.string().regex(QUARTER),
    effect: z.enum(['good', 'fair', 'poor']),
    note: z.string().optional(),
    at: z.string(),
    by: z.string(),
  })
  .meta({ id: 'AssistanceAssessment' });
export type Assessment = z.infer<typeof Assessment>;

export const EFFECT_ZH = { good: '好', fair: '一般', poor: '差' } as const;

export const assessmentItem = (a: Assessment): Record<string, unknown> => ({
  pk: monitoringPartition(a.householdId),
  sk: `ASSESS#${a.quarter}`,
  entity: 'assistance_assessment',
  ...a,
});

export const measureItem = (m: { householdId: string; measureId: string }): Record<string, unknown> => ({
  pk: monitoringPartition(m.householdId),
  sk: `MEASURE#${m.measureId}`,
  entity: 'assistance_measure',
  ...m,
});

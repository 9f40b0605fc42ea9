/**
 * Assistance (SPEC §4.4): the monitoring contact, the plan's measures (A39–A52) with risk, owner
 * and status, quarterly assessments of the plan's effect, monthly income records. Measures need a
 * monitored household — or an identification in progress opened on the green channel, then they
 * are marked `greenChannel`. The contact and a first measure clear the set-up due date. A fund
 * payout becomes a measure by `recordFundPayoutMeasure` (idempotent per case), and of a household
 * not under monitoring also a lead (channel `fund_case`).
 */
import type { MonitoringChange } from '../../adapters/monitoring-store.ts';
import type { FundCategory } from '../../domain/fund-case.ts';
import { computeIncome, type IncomeComponents } from '../../domain/income.ts';
import {
  EFFECT_ZH,
  type Assessment,
  type HouseholdMonitoring,
} from '../../domain/monitoring/household-monitoring.ts';
import {
  MEASURES,
  type Measure,
  type MeasureCode,
  type MeasureStatus,
} from '../../domain/monitoring/measures.ts';
import { RISK_ZH, type RiskType } from '../../domain/monitoring/risk.ts';
import { yuanText } from '../../domain/money.ts';
import { Conflict, NotFound } from '../../http/errors.ts';
import { activeMembers, fileEvent, loadHousehold } from './context.ts';
import type { Caller, MonitoringDeps } from './ports.ts';
import { leadFromFundCase } from './leads.ts';

const STATUS_ZH: Readonly<Record<MeasureStatus, string>> = {
  planned: '计划',
  in_progress: '实施中',
  done: '已完成',
};

const notMonitored = () => new Conflict('该户不是监测对象', 'WRONG_MONITORING_STATUS');

/** The state with its set-up due date dropped once the contact and at least one measure are there. */
const settled = (state: HouseholdMonitoring, at: string, hasMeasure: boolean): HouseholdMonitoring => {
  if (!state.setupDueAt || !state.contact || !hasMeasure) return state;
  const { setupDueAt: _due, ...rest } = state;
  return { ...rest, updatedAt: at };
};

const stateWrite = (before: HouseholdMonitoring, after: HouseholdMonitoring): MonitoringChange['state'] =>
  before === after
    ? undefined
    : { next: { ...after, version: before.version + 1 }, expectedVersion: before.version };

export const setContact = async (
  deps: MonitoringDeps,
  caller: Caller,
  householdId: string,
  input: { name: string; phone: string; position?: string },
): Promise<HouseholdMonitoring> => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  const state = records.state;
  if (!state || state.status !== 'monitored') throw notMonitored();
  const at = caller.now.toISOString();
  const withContact = {
    ...state,
    contact: { ...input, setAt: at, setBy: caller.identity.username },
    updatedAt: at,
  };
  const next = { ...settled(withContact, at, records.measures.length > 0), version: state.version + 1 };
  await deps.monitoring.commit({
    state: { next, expectedVersion: state.version },
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'contact.set',
        `明确监测帮扶联系人${input.position ? `（${input.position}）` : ''}`,
        {
          planId: state.planId,
        },
      ),
    ],
  });
  if (!next.setupDueAt)
    await deps.alerts.clear(state.countyCode, 'procedure_overdue', `${state.planId}#setup`, at);
  return next;
};

export interface MeasureInput {
  readonly code: MeasureCode;
  readonly risk: RiskType;
  readonly ownerDepartment: Measure['ownerDepartment'];
  readonly status: MeasureStatus;
  readonly note?: string;
  readonly amountFen?: number;
}

export const addMeasure = async (
  deps: MonitoringDeps,
  caller: Caller,
  householdId: string,
  input: MeasureInput,
): Promise<Measure> => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  const state = records.state?.status === 'monitored' ? records.state : undefined;
  const open = records.openProcedureId
    ? await deps.monitoring.getProcedure(records.openProcedureId)
    : undefined;
  const greenChannel = !state && open?.kind === 'identification' && open.greenChannel;
  if (!state && !greenChannel)
    throw new Conflict('该户尚未纳入监测，且未走绿色通道，不能先行录入帮扶措施', 'WRONG_MONITORING_STATUS');
  const at = caller.now.toISOString();
  const def = MEASURES[input.code];
  const measure: Measure = {
    measureId: deps.newId(),
    householdId,
    ...input,
    label: def.label,
    field: def.field,
    group: def.group,
    greenChannel,
    createdAt: at,
    createdBy: caller.identity.username,
    updatedAt: at,
    version: 1,
  };
  const after = state ? settled(state, at, true) : undefined;
  await deps.monitoring.commit({
    measures: [{ next: measure }],
    ...(state && after ? { state: stateWrite(state, after) } : {}),
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'measure.added',
        `帮扶措施（${def.field} ${def.label}）针对风险“${RISK_ZH[input.risk]}”，${STATUS_ZH[input.status]}${greenChannel ? '（绿色通道先行帮扶）' : ''}`,
        { measureId: measure.measureId, planId: state?.planId ?? open?.procedureId },
      ),
    ],
  });
  if (state && after && !after.setupDueAt)
    await deps.alerts.clear(state.countyCode, 'procedure_overdue', `${state.planId}#setup`, at);
  return measure;
};

export const updateMeasure = async (
  deps: MonitoringDeps,
  caller: Caller,
  householdId: string,
  measureId: string,
  input: { status: MeasureStatus; note?: string; version: number },
): Promise<Measure> => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  const current = records.measures.find((m) => m.measureId === measureId);
  if (!current) throw new NotFound('帮扶措施不存在');
  const at = caller.now.toISOString();
  const next: Measure = {
    ...current,
    status: input.status,
    ...(input.note ? { note: input.note } : {}),
    updatedAt: at,
    version: current.version + 1,
  };
  await deps.monitoring.commit({
    measures: [{ next, expectedVersion: input.version }],
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'measure.updated',
        `帮扶措施（${current.label}）：${STATUS_ZH[input.status]}`,
        {
          measureId,
        },
      ),
    ],
  });
  return next;
};

const RISK_OF_CATEGORY: Readonly<Record<FundCategory, RiskType>> = {
  illness: 'illness',
  disaster: 'natural_disaster',
  schooling: 'schooling',
};

/** A fund payout as the household's prevention-insurance measure (A48); once per case. */
export const recordFundPayoutMeasure = async (
  deps: MonitoringDeps,
  caller: Caller,
  payout: { householdId: string; caseId: string; category: FundCategory; amountFen: number; paidAt: string },
): Promise<Measure> => {
  const household = await deps.households.get(payout.householdId);
  if (!household) throw new NotFound('农户不存在');
  const measureId = `fund-${payout.caseId}`;
  const records = await deps.monitoring.household(payout.householdId);
  const existing = records.measures.find((m) => m.measureId === measureId);
  if (existing) return existing;
  const def = MEASURES.prevention_insurance;
  const measure: Measure = {
    measureId,
    householdId: payout.householdId,
    code: 'prevention_insurance',
    label: def.label,
    field: def.field,
    group: def.group,
    risk: RISK_OF_CATEGORY[payout.category],
    ownerDepartment: 'rural_revitalization',
    status: 'done',
    amountFen: payout.amountFen,
    caseId: payout.caseId,
    greenChannel: false,
    note: `防贫保赔付 ${yuanText(payout.amountFen)} 元`,
    createdAt: payout.paidAt,
    createdBy: caller.identity.username,
    updatedAt: payout.paidAt,
    version: 1,
  };
  const state = records.state?.status === 'monitored' ? records.state : undefined;
  const after = state ? settled(state, payout.paidAt, true) : undefined;
  await deps.monitoring.commit({
    measures: [{ next: measure }],
    ...(state && after ? { state: stateWrite(state, after) } : {}),
    fileEvents: [
      fileEvent(
        deps,
        { ...caller, now: new Date(payout.paidAt) },
        household,
        'payout.recorded',
        `防贫保赔付 ${yuanText(payout.amountFen)} 元，记为帮扶措施（A48 防贫保险）`,
        {
          caseId: payout.caseId,
          measureId,
        },
      ),
    ],
  });
  // A household the fund paid and that is not under monitoring becomes a lead of the village
  // (SPEC §1: each job shows the other): once, with the measure.
  if (!state)
    await leadFromFundCase(deps, caller, {
      caseId: payout.caseId,
      householdId: payout.householdId,
      note: `防贫保赔付 ${yuanText(payout.amountFen)} 元，家庭未纳入监测，转监测线索`,
    });
  return measure;
};

export const addAssessment = async (
  deps: MonitoringDeps,
  caller: Caller,
  householdId: string,
  input: { quarter: string; effect: Assessment['effect']; note?: string },
): Promise<Assessment> => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  if (!records.state) throw notMonitored();
  const assessment: Assessment = {
    householdId,
    planId: records.state.planId,
    ...input,
    at: caller.now.toISOString(),
    by: caller.identity.username,
  };
  await deps.monitoring.commit({
    assessments: [assessment],
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'assessment.recorded',
        `${input.quarter} 帮扶成效评估：${EFFECT_ZH[input.effect]}`,
        {
          planId: assessment.planId,
        },
      ),
    ],
  });
  return assessment;
};

export const recordIncome = async (
  deps: MonitoringDeps,
  caller: Caller,
  householdId: string,
  input: { month: string; components: IncomeComponents },
) => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  if (!records.state) throw notMonitored();
  const figures = computeIncome(input.components, activeMembers(household).length);
  const record = {
    householdId,
    month: input.month,
    components: input.components,
    figures,
    source: 'monthly' as const,
    recordedAt: caller.now.toISOString(),
    recordedBy: caller.identity.username,
  };
  await deps.monitoring.commit({
    incomes: [record],
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'income.recorded',
        `${input.month} 收入记录：扣除刚性支出后人均 ${yuanText(figures.a38PerCapitaAfterExpensesFen)} 元`,
      ),
    ],
  });
  return record;
};

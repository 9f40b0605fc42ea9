/**
 * Reads: a procedure with its step schedule (due dates, overdue now) and asset-check answers;
 * procedures of an area (optionally only overdue ones); a household's monitoring with its category
 * and reasons, contact (masked), measures with the plan's flags, assessments and income months.
 */
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import type { AssetCheck } from '../../domain/monitoring/asset-check.ts';
import { overdueStep, stepSchedule, type StepScheduleEntry } from '../../domain/monitoring/identification.ts';
import { planFlags, type PlanFlag } from '../../domain/monitoring/measures.ts';
import type { Procedure, ProcedureStatus } from '../../domain/monitoring/procedure.ts';
import { maskName, maskPhone } from '../../domain/mask.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { configAt, loadHousehold, loadProcedure } from './context.ts';
import type { MonitoringDeps } from './ports.ts';

export interface ProcedureView extends Procedure {
  readonly schedule: StepScheduleEntry[];
  readonly overdue?: { step: string; dueAt: string };
  readonly assetCheckAnswers?: Pick<
    AssetCheck,
    'checkId' | 'department' | 'status' | 'finding' | 'answeredAt'
  >[];
}

const viewOf = async (
  deps: MonitoringDeps,
  p: Procedure,
  now: Date,
  withChecks: boolean,
  known?: YearConfig,
): Promise<ProcedureView> => {
  const config = known ?? (await configAt(deps, p.countyCode, now));
  const overdue = overdueStep(p, config.monitoring, now);
  const checks = withChecks
    ? await Promise.all((p.assetChecks ?? []).map((c) => deps.monitoring.getAssetCheck(c.checkId)))
    : [];
  return {
    ...p,
    schedule: stepSchedule(p, config.monitoring, now),
    ...(overdue ? { overdue } : {}),
    ...(withChecks
      ? {
          assetCheckAnswers: checks
            .filter((c): c is AssetCheck => c !== undefined)
            .map((c) => ({
              checkId: c.checkId,
              department: c.department,
              status: c.status,
              ...(c.finding ? { finding: c.finding } : {}),
              ...(c.answeredAt ? { answeredAt: c.answeredAt } : {}),
            })),
        }
      : {}),
  };
};

export const getProcedure = async (
  deps: MonitoringDeps,
  identity: Identity,
  procedureId: string,
  now: Date,
) => viewOf(deps, await loadProcedure(deps, identity, procedureId), now, true);

export const listProcedures = async (
  deps: MonitoringDeps,
  identity: Identity,
  filter: { villageCode?: string; townCode?: string; status?: ProcedureStatus; overdue?: boolean },
  page: PageRequest,
  now: Date,
): Promise<Page<ProcedureView>> => {
  const found = await deps.monitoring.listProcedures(
    { regionCode: narrowRegion(identity, filter.villageCode ?? filter.townCode), status: filter.status },
    page,
  );
  const config = await configAt(deps, identity.countyCode, now);
  const views = await Promise.all(found.items.map((p) => viewOf(deps, p, now, false, config)));
  return {
    items:
      filter.overdue === undefined
        ? views
        : views.filter((v) => (v.overdue !== undefined) === filter.overdue),
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
};

export interface HouseholdMonitoringView {
  readonly householdId: string;
  readonly householdType: string;
  readonly monitoring?: Record<string, unknown>;
  readonly openProcedureId?: string;
  readonly openLeadId?: string;
  readonly measures: unknown[];
  readonly planFlags: PlanFlag[];
  readonly assessments: unknown[];
  readonly incomes: {
    month: string;
    a34PerCapitaFen: number;
    a38PerCapitaAfterExpensesFen: number;
    source: string;
  }[];
  readonly setupOverdue: boolean;
}

export const getHouseholdMonitoring = async (
  deps: MonitoringDeps,
  identity: Identity,
  householdId: string,
  now: Date,
): Promise<HouseholdMonitoringView> => {
  const household = await loadHousehold(deps, identity, householdId);
  const records = await deps.monitoring.household(householdId);
  const config = await configAt(deps, household.countyCode, now);
  const state = records.state;
  const contact = state?.contact;
  return {
    householdId,
    householdType: household.type,
    ...(state
      ? {
          monitoring: {
            ...state,
            ...(contact
              ? { contact: { ...contact, name: maskName(contact.name), phone: maskPhone(contact.phone) } }
              : {}),
          },
        }
      : {}),
    ...(records.openProcedureId ? { openProcedureId: records.openProcedureId } : {}),
    ...(records.openLeadId ? { openLeadId: records.openLeadId } : {}),
    measures: records.measures,
    planFlags: state ? planFlags(state.risks, records.measures, config.monitoring.maxMeasuresPerRisk) : [],
    assessments: records.assessments,
    incomes: records.incomes.map((r) => ({
      month: r.month,
      a34PerCapitaFen: r.figures.a34PerCapitaFen,
      a38PerCapitaAfterExpensesFen: r.figures.a38PerCapitaAfterExpensesFen,
      source: r.source,
    })),
    setupOverdue: state?.setupDueAt !== undefined && now.toISOString() > state.setupDueAt,
  };
};

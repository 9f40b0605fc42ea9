/**
 * Procedures that start from a monitored (or eliminated) household rather than a lead:
 * - elimination (SPEC §4.5): the village proposes with the cadre's attestations of the four
 *   conditions; the guards run now (409 naming the first failed guard, all failures in `guards`)
 *   and again at county approval;
 * - rollback / removal (SPEC §4.6): a reason and evidence (uploads `monitoring_evidence` of the
 *   household); an eliminated household may be rolled back, a monitored one removed.
 * One procedure at a time per household (the open-procedure claim).
 */
import type { HouseholdMonitoringRecords } from '../../adapters/monitoring-store.ts';
import type { Household } from '../../domain/household-schema.ts';
import { eliminationGuards, type GuardFailure } from '../../domain/monitoring/elimination.ts';
import { PROCEDURE_OPEN } from '../../domain/monitoring/identification.ts';
import type { HouseholdMonitoring } from '../../domain/monitoring/household-monitoring.ts';
import { risksInPlace } from '../../domain/monitoring/measures.ts';
import type { Attestations, Procedure, ProcedureKind } from '../../domain/monitoring/procedure.ts';
import { MONITORING_STATUS_ZH } from '../../domain/monitoring/household-monitoring.ts';
import { Conflict } from '../../http/errors.ts';
import { assertUploads, configAt, fileEvent, loadHousehold } from './context.ts';
import type { Caller, MonitoringDeps } from './ports.ts';

export const ELIMINATION_METHOD_ZH = { assistance: '帮扶消除', natural: '自然消除' } as const;

const latestA38 = (records: HouseholdMonitoringRecords): number | undefined =>
  [...records.incomes].sort((a, b) => a.month.localeCompare(b.month)).at(-1)?.figures
    .a38PerCapitaAfterExpensesFen;

/** The guards of SPEC §4.5 on the household as it stands now. */
export const eliminationFailures = async (
  deps: MonitoringDeps,
  household: Household,
  records: HouseholdMonitoringRecords,
  state: HouseholdMonitoring,
  elimination: { method: 'assistance' | 'natural'; attestations: Attestations },
  now: Date,
): Promise<GuardFailure[]> => {
  const config = await configAt(deps, household.countyCode, now);
  return eliminationGuards({
    method: elimination.method,
    now,
    monitoredSince: state.monitoredSince,
    latestA38Fen: latestA38(records),
    members: household.members,
    incomeHistory: records.incomes.map((r) => ({
      month: r.month,
      a38PerCapitaFen: r.figures.a38PerCapitaAfterExpensesFen,
    })),
    risks: state.risks,
    risksCovered: risksInPlace(state.risks, records.measures),
    attestations: elimination.attestations,
    lineFen: config.monitoringLineFen,
    floorFen: config.eliminationFloorFen,
    cfg: config.monitoring,
  });
};

export const refusal = (failures: GuardFailure[]): Conflict => {
  const [first] = failures;
  return new Conflict(
    `不符合风险消除条件：${failures.map((f) => f.message).join('；')}`,
    first?.code ?? 'ELIMINATION_REFUSED',
    { guards: failures },
  );
};

const stateOrConflict = (records: HouseholdMonitoringRecords, wanted: HouseholdMonitoring['status']) => {
  const state = records.state;
  if (!state || state.status !== wanted)
    throw new Conflict(
      `该户当前${state ? MONITORING_STATUS_ZH[state.status] : '不是监测对象'}，不能办理此程序`,
      'WRONG_MONITORING_STATUS',
      { status: state?.status ?? 'none' },
    );
  if (records.openProcedureId)
    throw new Conflict('该户已有办理中的监测程序', PROCEDURE_OPEN, { procedureId: records.openProcedureId });
  return state;
};

const newProcedure = (
  deps: MonitoringDeps,
  caller: Caller,
  household: Household,
  kind: ProcedureKind,
  extra: Partial<Procedure>,
): Procedure => {
  const at = caller.now.toISOString();
  return {
    procedureId: deps.newId(),
    kind,
    status: 'in_progress',
    householdId: household.householdId,
    countyCode: household.countyCode,
    townCode: household.townCode,
    villageCode: household.villageCode,
    openedAt: at,
    openedBy: caller.identity.username,
    greenChannel: false,
    steps: {},
    updatedAt: at,
    version: 1,
    ...extra,
  };
};

const open = async (
  deps: MonitoringDeps,
  caller: Caller,
  household: Household,
  p: Procedure,
  summary: string,
) => {
  await deps.monitoring.commit({
    procedures: [{ next: p }],
    openProcedure: { op: 'claim', householdId: household.householdId, id: p.procedureId },
    fileEvents: [
      fileEvent(deps, caller, household, 'procedure.opened', summary, { procedureId: p.procedureId }),
    ],
  });
  return p;
};

export const proposeElimination = async (
  deps: MonitoringDeps,
  caller: Caller,
  householdId: string,
  input: { method: 'assistance' | 'natural'; attestations: Attestations },
): Promise<Procedure> => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  const state = stateOrConflict(records, 'monitored');
  const failures = await eliminationFailures(deps, household, records, state, input, caller.now);
  if (failures.length > 0) throw refusal(failures);
  const p = newProcedure(deps, caller, household, 'elimination', { elimination: input });
  return open(
    deps,
    caller,
    household,
    p,
    `村级提出风险消除（${ELIMINATION_METHOD_ZH[input.method]}），系统校验条件通过`,
  );
};

export const proposeChange = async (
  deps: MonitoringDeps,
  caller: Caller,
  kind: 'rollback' | 'removal',
  householdId: string,
  input: { reason: string; evidenceUploadIds: string[] },
): Promise<Procedure> => {
  const household = await loadHousehold(deps, caller.identity, householdId);
  const records = await deps.monitoring.household(householdId);
  stateOrConflict(records, kind === 'rollback' ? 'eliminated' : 'monitored');
  await assertUploads(deps, input.evidenceUploadIds, {
    kind: 'monitoring_evidence',
    ownerIds: [householdId],
    countyCode: household.countyCode,
    path: 'body.evidenceUploadIds',
    list: true,
    label: '佐证材料',
  });
  const p = newProcedure(deps, caller, household, kind, { change: input });
  return open(deps, caller, household, p, `提出${kind === 'rollback' ? '回退' : '清退'}：${input.reason}`);
};

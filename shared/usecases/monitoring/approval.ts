/**
 * County approval (县级审定), the last step of every procedure. A rejection ends it. An approval
 * changes the household, in ONE transaction with the procedure, the monitoring state, the registry
 * household (type, version-checked, with its audit record) and the household-file events:
 * - identification → monitored in the category found at verification (none → 409 `NO_CATEGORY`),
 *   registry type `monitored`; contact and plan due in `assistanceSetupDays`;
 * - elimination → the guards run again (409 naming the guard), then eliminated, type restored;
 * - rollback → monitored again from now, history kept, type `monitored`;
 * - removal → removed with the reason, type restored.
 * The same transaction moves the area counters (`countDelta` of the household before and after)
 * and counts the month's trend event (identified / eliminated / rolled_back / removed).
 */
import type { MonitoringChange } from '../../adapters/monitoring-store.ts';
import { facetOf, TREND_OF_PROCEDURE } from '../../domain/area-counts.ts';
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import type { FileEventKind, HouseholdFileEvent } from '../../domain/household-file.ts';
import type { Household, HouseholdType } from '../../domain/household-schema.ts';
import type { HouseholdMonitoring } from '../../domain/monitoring/household-monitoring.ts';
import { assistanceSetupDueAt } from '../../domain/monitoring/identification.ts';
import { assertStep, closed, withStep, type Procedure } from '../../domain/monitoring/procedure.ts';
import { CATEGORY_ZH } from '../../domain/monitoring/risk.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';
import { Conflict } from '../../http/errors.ts';
import { configAt, fileEvent, loadHousehold, loadProcedure } from './context.ts';
import { clearOverdueAlert, endingWrites } from './ending.ts';
import { refreshAreaAlertsAfterDecision } from './refresh-area-alerts.ts';
import type { Caller, MonitoringDeps } from './ports.ts';
import { ELIMINATION_METHOD_ZH, eliminationFailures, refusal } from './proposals.ts';

const TYPE_ZH: Readonly<Record<HouseholdType, string>> = {
  general: '一般农户',
  lifted: '脱贫户',
  monitored: '监测户',
};

const retype = (deps: MonitoringDeps, caller: Caller, household: Household, type: HouseholdType) => {
  if (household.type === type) return undefined;
  const at = caller.now.toISOString();
  const next: Household = {
    ...household,
    type,
    version: household.version + 1,
    updatedAt: at,
    updatedBy: caller.identity.username,
  };
  const { userId, username, role } = caller.identity;
  const entry = auditEntry(
    { now: at, actor: { userId, username, role }, newId: deps.newId, requestId: caller.requestId },
    household,
    'household.updated',
    auditSummary.updated([`户类型（${TYPE_ZH[household.type]} → ${TYPE_ZH[type]}）`]),
    { before: { type: household.type }, after: { type } },
  );
  return { next, expectedVersion: household.version, audit: [entry] };
};

interface Effect {
  readonly state: NonNullable<MonitoringChange['state']>;
  readonly type: HouseholdType;
  readonly event: FileEventKind;
  readonly summary: string;
}

const effectOf = async (
  deps: MonitoringDeps,
  caller: Caller,
  p: Procedure,
  household: Household,
  current: HouseholdMonitoring | undefined,
  records: Awaited<ReturnType<MonitoringDeps['monitoring']['household']>>,
): Promise<Effect> => {
  const at = caller.now.toISOString();
  const config = await configAt(deps, p.countyCode, caller.now);
  const expectedVersion = current?.version;
  const bump = current ? { version: current.version + 1, updatedAt: at } : { version: 1, updatedAt: at };
  if (p.kind === 'identification') {
    if (!p.category || !p.verification)
      throw new Conflict('核查结果不符合监测对象认定条件，不能审定纳入', 'NO_CATEGORY', {
        reasons: p.categoryReasons ?? [],
      });
    const state: HouseholdMonitoring = {
      householdId: p.householdId,
      countyCode: p.countyCode,
      townCode: p.townCode,
      villageCode: p.villageCode,
      status: 'monitored',
      category: p.category,
      categoryReasons: p.categoryReasons ?? [],
      risks: p.verification.risks,
      monitoredSince: at,
      planId: p.procedureId,
      typeBefore: household.type === 'monitored' ? (current?.typeBefore ?? 'general') : household.type,
      greenChannel: p.greenChannel,
      ...(current?.contact ? { contact: current.contact } : {}),
      setupDueAt: assistanceSetupDueAt(at, config.monitoring),
      rollbacks: current?.rollbacks ?? [],
      ...bump,
    };
    return {
      state: { next: state, expectedVersion },
      type: 'monitored',
      event: 'household.monitored',
      summary: `纳入监测：${CATEGORY_ZH[p.category]}（${state.categoryReasons.join('；')}）`,
    };
  }
  if (!current) throw new Conflict('该户没有监测记录', 'WRONG_MONITORING_STATUS');
  if (p.kind === 'elimination') {
    const elimination = p.elimination ?? {
      method: 'assistance' as const,
      attestations: {
        measuresInPlace: false,
        assurancesStable: false,
        incomeStable: false,
        rigidExpensesSolved: false,
      },
    };
    const failures = await eliminationFailures(deps, household, records, current, elimination, caller.now);
    if (failures.length > 0) throw refusal(failures);
    const { setupDueAt: _due, ...rest } = current;
    return {
      state: {
        next: {
          ...rest,
          status: 'eliminated',
          eliminatedAt: at,
          eliminationMethod: elimination.method,
          ...bump,
        },
        expectedVersion,
      },
      type: current.typeBefore,
      event: 'household.eliminated',
      summary: `风险消除（${ELIMINATION_METHOD_ZH[elimination.method]}），标注为已消除风险`,
    };
  }
  if (p.kind === 'rollback') {
    const reason = p.change?.reason ?? '';
    return {
      state: {
        next: {
          ...current,
          status: 'monitored',
          monitoredSince: at,
          rollbacks: [...current.rollbacks, { at, reason, procedureId: p.procedureId }],
          ...bump,
        },
        expectedVersion,
      },
      type: 'monitored',
      event: 'household.rolled_back',
      summary: `回退为监测对象（${CATEGORY_ZH[current.category]}）：${reason}`,
    };
  }
  const reason = p.change?.reason ?? '';
  const { setupDueAt: _due, ...rest } = current;
  return {
    state: {
      next: { ...rest, status: 'removed', removedAt: at, removalReason: reason, ...bump },
      expectedVersion,
    },
    type: current.typeBefore,
    event: 'household.removed',
    summary: `清退，不再作为监测对象：${reason}`,
  };
};

export const recordCountyApproval = async (
  deps: MonitoringDeps,
  caller: Caller,
  procedureId: string,
  input: { decision: 'approve' | 'reject'; reason?: string },
): Promise<Procedure> => {
  const p = await loadProcedure(deps, caller.identity, procedureId);
  assertStep(p, 'county_approval', caller.identity.role);
  const at = caller.now.toISOString();
  const ctx = { at, by: caller.identity.username, role: caller.identity.role };
  const approved = input.decision === 'approve';
  const stepped = withStep(p, 'county_approval', ctx, { countyApproval: input });
  const next = approved
    ? closed(stepped, 'completed', at, 'approved')
    : closed(stepped, 'rejected', at, 'county_rejected', input.reason);
  const ending = await endingWrites(
    deps,
    next,
    approved ? '县级审定通过' : `县级审定不通过：${input.reason ?? ''}`,
  );
  const decisionEvent = fileEvent(
    deps,
    caller,
    p,
    'county_approval.recorded',
    approved ? '县级审定通过' : `县级审定不通过：${input.reason ?? ''}`,
    { procedureId: p.procedureId },
  );
  const events: HouseholdFileEvent[] = [decisionEvent];
  let change: Omit<MonitoringChange, 'fileEvents' | 'procedures'> = ending;
  if (approved) {
    const household = await loadHousehold(deps, caller.identity, p.householdId);
    const records = await deps.monitoring.household(p.householdId);
    const effect = await effectOf(deps, caller, p, household, records.state, records);
    const registry = retype(deps, caller, household, effect.type);
    events.push(fileEvent(deps, caller, p, effect.event, effect.summary, { procedureId: p.procedureId }, 1));
    const counts = {
      householdId: household.householdId,
      householdVersion: household.version,
      before: facetOf(household, records.state),
      after: facetOf({ ...household, type: effect.type }, effect.state.next),
      event: TREND_OF_PROCEDURE[p.kind],
      month: shanghaiMonth(caller.now),
    };
    change = { ...ending, state: effect.state, counts, ...(registry ? { household: registry } : {}) };
  }
  await deps.monitoring.commit({
    ...change,
    procedures: [{ next, expectedVersion: p.version }],
    fileEvents: events,
  });
  await clearOverdueAlert(deps, next, at);
  if (approved) await refreshAreaAlertsAfterDecision(deps, p.villageCode, caller.now);
  return next;
};

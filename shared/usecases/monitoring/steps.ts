/**
 * The middle steps of identification and elimination. Each: 1. loads the procedure in scope and
 * checks the step may be done now (`assertStep`: order, role; 409 names what comes first);
 * 2. checks the step's own input (evidence, the deliberation's outcome, the notice's end);
 * 3. writes the procedure (version-checked) with the household-file event in one transaction;
 * 4. clears the procedure's overdue alert (the sweep raises it again if the next step is late).
 * A deliberation that rejected, a notice that withdrew the subject or a town rejection end the
 * procedure (not identified / not eliminated).
 */
import type { MonitoringChange } from '../../adapters/monitoring-store.ts';
import { outcomeOf, type SubjectType } from '../../domain/deliberation.ts';
import { noticePassed } from '../../domain/notice/notice.ts';
import { categorize } from '../../domain/monitoring/category.ts';
import { yuanText } from '../../domain/money.ts';
import { CATEGORY_ZH } from '../../domain/monitoring/risk.ts';
import {
  assertStep,
  closed,
  withStep,
  OUT_OF_ORDER,
  PROCEDURE_KIND_ZH,
  type Procedure,
  type StepContext,
  type StepName,
} from '../../domain/monitoring/procedure.ts';
import { computeIncome, type IncomeComponents } from '../../domain/income.ts';
import type { RiskType } from '../../domain/monitoring/risk.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';
import { Conflict, ValidationFailed } from '../../http/errors.ts';
import {
  activeMembers,
  assertUploads,
  configAt,
  fileEvent,
  loadHousehold,
  loadProcedure,
} from './context.ts';
import { clearOverdueAlert, endingWrites } from './ending.ts';
import type { Caller, MonitoringDeps } from './ports.ts';

const subjectTypeOf = (p: Procedure): SubjectType =>
  p.kind === 'elimination' ? 'elimination' : 'identification';

const householdRef = (p: Procedure) => ({
  householdId: p.householdId,
  countyCode: p.countyCode,
  villageCode: p.villageCode,
});

const ctxOf = (caller: Caller): StepContext => ({
  at: caller.now.toISOString(),
  by: caller.identity.username,
  role: caller.identity.role,
});

const begin = async (deps: MonitoringDeps, caller: Caller, procedureId: string, step: StepName) => {
  const p = await loadProcedure(deps, caller.identity, procedureId);
  assertStep(p, step, caller.identity.role);
  return p;
};

const save = async (
  deps: MonitoringDeps,
  caller: Caller,
  current: Procedure,
  next: Procedure,
  change: Omit<MonitoringChange, 'procedures'>,
) => {
  await deps.monitoring.commit({ ...change, procedures: [{ next, expectedVersion: current.version }] });
  await clearOverdueAlert(deps, next, caller.now.toISOString());
  return next;
};

/** Ends the procedure with `status` and the file's `procedure.ended` event after the step's own. */
const endWith = async (
  deps: MonitoringDeps,
  caller: Caller,
  current: Procedure,
  stepped: Procedure,
  status: 'rejected' | 'ended',
  result: string,
  reason: string,
  stepEvent: ReturnType<typeof fileEvent>,
) => {
  const next = closed(stepped, status, caller.now.toISOString(), result, reason);
  const ending = await endingWrites(deps, next, reason);
  return save(deps, caller, current, next, {
    ...ending,
    fileEvents: [
      stepEvent,
      fileEvent(
        deps,
        caller,
        householdRef(next),
        'procedure.ended',
        `${PROCEDURE_KIND_ZH[next.kind]}程序终止：${reason}`,
        { procedureId: next.procedureId },
        1,
      ),
    ],
  });
};

export interface VerificationInput {
  readonly investigators: string[];
  readonly components: IncomeComponents;
  readonly risks: RiskType[];
  readonly sharpIncomeDrop?: boolean;
  readonly evidenceUploadIds: string[];
  readonly note?: string;
}

export const recordVerification = async (
  deps: MonitoringDeps,
  caller: Caller,
  procedureId: string,
  input: VerificationInput,
): Promise<Procedure> => {
  const p = await begin(deps, caller, procedureId, 'home_verification');
  const household = await loadHousehold(deps, caller.identity, p.householdId);
  await assertUploads(deps, input.evidenceUploadIds, {
    kind: 'monitoring_evidence',
    ownerIds: [p.procedureId, p.householdId],
    countyCode: p.countyCode,
    path: 'body.evidenceUploadIds',
    list: true,
    label: '核查佐证材料',
  });
  const memberCount = activeMembers(household).length;
  const figures = computeIncome(input.components, memberCount);
  const config = await configAt(deps, p.countyCode, caller.now);
  const decision =
    p.kind === 'identification'
      ? categorize(household.type, figures, config.monitoringLineFen, input.sharpIncomeDrop ?? false)
      : undefined;
  const next = withStep(p, 'home_verification', ctxOf(caller), {
    verification: {
      investigators: input.investigators,
      memberCount,
      components: input.components,
      figures,
      risks: input.risks,
      sharpIncomeDrop: input.sharpIncomeDrop ?? false,
      evidenceUploadIds: input.evidenceUploadIds,
      ...(input.note ? { note: input.note } : {}),
    },
    ...(decision?.category ? { category: decision.category } : {}),
    ...(decision ? { categoryReasons: decision.reasons } : {}),
  });
  const categoryText = decision
    ? `；${decision.category ? `初步认定为${CATEGORY_ZH[decision.category]}` : '收入未达认定条件'}`
    : '';
  return save(deps, caller, p, next, {
    incomes: [
      {
        householdId: p.householdId,
        month: shanghaiMonth(caller.now),
        components: input.components,
        figures,
        source: 'verification',
        procedureId: p.procedureId,
        recordedAt: caller.now.toISOString(),
        recordedBy: caller.identity.username,
      },
    ],
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'verification.recorded',
        `入户核查：调查人员 ${input.investigators.length} 名，家庭人口 ${memberCount} 人，人均纯收入 ${yuanText(figures.a34PerCapitaFen)} 元，扣除刚性支出后人均 ${yuanText(figures.a38PerCapitaAfterExpensesFen)} 元${categoryText}`,
        { procedureId: p.procedureId },
      ),
    ],
  });
};

export const recordDeliberation = async (
  deps: MonitoringDeps,
  caller: Caller,
  procedureId: string,
  deliberationId: string,
): Promise<Procedure> => {
  const p = await begin(deps, caller, procedureId, 'deliberation');
  if (p.kind === 'identification') {
    const checks = await Promise.all(
      (p.assetChecks ?? []).map((c) => deps.monitoring.getAssetCheck(c.checkId)),
    );
    const waiting = checks.filter((c) => !c || c.status !== 'answered');
    if (waiting.length > 0)
      throw new Conflict(`须先收到全部部门比对反馈（尚有 ${waiting.length} 个部门未反馈）`, OUT_OF_ORDER, {
        requiredFirst: 'asset_checks',
        waiting: waiting.map((c) => c?.department),
      });
  }
  const deliberation = await deps.deliberations.get(deliberationId);
  const outcome =
    deliberation && deliberation.villageCode === p.villageCode
      ? outcomeOf(deliberation, subjectTypeOf(p), p.procedureId)
      : undefined;
  if (!deliberation || deliberation.villageCode !== p.villageCode)
    throw new ValidationFailed([{ path: 'body.deliberationId', message: '未找到本村的该次评议记录' }]);
  if (!outcome)
    throw new ValidationFailed([{ path: 'body.deliberationId', message: '该次评议未对本程序作出结论' }]);
  const stepped = withStep(p, 'deliberation', ctxOf(caller), { deliberationId });
  const event = fileEvent(
    deps,
    caller,
    householdRef(p),
    'deliberation.recorded',
    `村级民主评议（${deliberation.meetingDate}）：${outcome.outcome === 'passed' ? '通过' : '未通过'}`,
    { procedureId: p.procedureId, deliberationId },
  );
  if (outcome.outcome === 'rejected')
    return endWith(deps, caller, p, stepped, 'ended', 'deliberation_rejected', '村级民主评议未通过', event);
  return save(deps, caller, p, stepped, { fileEvents: [event] });
};

export const recordNotice = async (
  deps: MonitoringDeps,
  caller: Caller,
  procedureId: string,
): Promise<Procedure> => {
  const p = await begin(deps, caller, procedureId, 'notice');
  const outcome = await deps.notices.subjectOutcome(subjectTypeOf(p), p.procedureId);
  if (!outcome) throw new Conflict('本程序尚未张贴公示', OUT_OF_ORDER, { requiredFirst: 'notice' });
  if (outcome.subjectStatus === 'listed' && outcome.noticeStatus !== 'closed')
    throw new Conflict(`公示尚未结束（公示期至 ${outcome.endsAt}）`, 'NOTICE_NOT_FINISHED', {
      noticeId: outcome.noticeId,
      endsAt: outcome.endsAt,
    });
  if (p.kind === 'elimination' && outcome.subjectStatus === 'listed') {
    const notice = await deps.notices.get(outcome.noticeId);
    const config = await configAt(deps, p.countyCode, caller.now);
    const minimum = config.monitoring.eliminationNoticeDays;
    if (notice && notice.periodDays < minimum)
      throw new Conflict(
        `风险消除须公示 ${minimum} 天，该公示为 ${notice.periodDays} 天`,
        'NOTICE_TOO_SHORT',
      );
  }
  const stepped = withStep(p, 'notice', ctxOf(caller), { noticeId: outcome.noticeId });
  const withdrawn = outcome.subjectStatus === 'withdrawn';
  const event = fileEvent(
    deps,
    caller,
    householdRef(p),
    'notice.recorded',
    withdrawn
      ? `公示期间异议成立，撤出公示：${outcome.withdrawnReason ?? ''}`
      : `公示期满无异议（至 ${outcome.endsAt}）`,
    { procedureId: p.procedureId, noticeId: outcome.noticeId },
  );
  if (withdrawn || !noticePassed(outcome))
    return endWith(deps, caller, p, stepped, 'ended', 'notice_withdrawn', '公示异议成立', event);
  return save(deps, caller, p, stepped, { fileEvents: [event] });
};

export interface TownReviewInput {
  readonly decision: 'approve' | 'reject';
  readonly signedBy: string;
  readonly signedUploadId?: string;
  readonly reason?: string;
}

export const recordTownReview = async (
  deps: MonitoringDeps,
  caller: Caller,
  procedureId: string,
  input: TownReviewInput,
): Promise<Procedure> => {
  const p = await begin(deps, caller, procedureId, 'town_review');
  if (input.signedUploadId)
    await assertUploads(deps, [input.signedUploadId], {
      kind: 'monitoring_evidence',
      ownerIds: [p.procedureId, p.householdId],
      countyCode: p.countyCode,
      path: 'body.signedUploadId',
      label: '乡镇审核签字材料',
    });
  const stepped = withStep(p, 'town_review', ctxOf(caller), { townReview: input });
  const approved = input.decision === 'approve';
  const event = fileEvent(
    deps,
    caller,
    householdRef(p),
    'town_review.recorded',
    `乡镇审核${approved ? '通过' : `不通过：${input.reason ?? ''}`}（乡镇主要负责人签字）`,
    { procedureId: p.procedureId, signedUploadId: input.signedUploadId },
  );
  if (!approved)
    return endWith(
      deps,
      caller,
      p,
      stepped,
      'rejected',
      'town_rejected',
      `乡镇审核不通过：${input.reason ?? ''}`,
      event,
    );
  return save(deps, caller, p, stepped, { fileEvents: [event] });
};

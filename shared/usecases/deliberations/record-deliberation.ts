/**
 * Records a village deliberation (SPEC §3.5): opens with its checks — the cadre's village, enough
 * members present (county configuration), the minutes stored under this deliberation's id, each
 * subject's household in the village and, for a fund case, the case of that household in this
 * village waiting for deliberation — then writes it once with its audit records (one per household,
 * so each household's file shows the outcome). The same id with the same content answers the first
 * record; with other content, 409. Identification and elimination subjects are taken as given: the
 * monitoring procedure guards its own side.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Identity } from '../../auth/identity.ts';
import { DELIBERATION_EXISTS } from '../../adapters/deliberation-store.ts';
import { SUBJECT_TYPE_ZH, type Deliberation } from '../../domain/deliberation.ts';
import { countyOf, townOf } from '../../domain/region.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import { Conflict, Forbidden, ValidationFailed, type FieldIssue } from '../../http/errors.ts';
import type { DeliberationInput } from '../../contracts/deliberations.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { DeliberationDeps } from './ports.ts';

export const CASE_NOT_AWAITING_DELIBERATION = 'CASE_NOT_AWAITING_DELIBERATION';

export interface Caller {
  readonly identity: Identity;
  readonly now: Date;
  readonly requestId?: string;
}

const sameContent = (a: Deliberation, b: Deliberation): boolean =>
  isDeepStrictEqual({ ...a, recordedAt: '', recordedBy: '' }, { ...b, recordedAt: '', recordedBy: '' });

const checkMinutes = async (
  deps: DeliberationDeps,
  input: DeliberationInput,
  countyCode: string,
): Promise<FieldIssue[]> => {
  const upload = await deps.uploads.get(input.minutesUploadId);
  const path = 'body.minutesUploadId';
  if (!upload || upload.countyCode !== countyCode || upload.kind !== 'deliberation_minutes')
    return [{ path, message: '会议纪要不存在或不是评议会议纪要' }];
  if (upload.ownerId !== input.deliberationId)
    return [{ path, message: '会议纪要须以本次评议编号（deliberationId）上传' }];
  if (upload.status !== 'stored') return [{ path, message: '会议纪要尚未上传完成' }];
  return [];
};

/** Each subject's household in the village; a fund case there too, in the household, awaiting deliberation. */
const checkSubjects = async (deps: DeliberationDeps, input: DeliberationInput, villageCode: string) => {
  const issues: FieldIssue[] = [];
  const outOfOrder: string[] = [];
  await Promise.all(
    input.outcomes.map(async (o, i) => {
      const household = await deps.households.get(o.householdId);
      if (!household || household.villageCode !== villageCode) {
        issues.push({ path: `body.outcomes.${i}.householdId`, message: '农户不存在或不属于本村' });
        return;
      }
      if (o.subjectType !== 'fund_case') return;
      const found = await deps.cases.get(o.subjectId);
      const fundCase = found?.fundCase;
      if (!fundCase || fundCase.villageCode !== villageCode || fundCase.householdId !== o.householdId)
        issues.push({ path: `body.outcomes.${i}.subjectId`, message: '防贫案件不存在或不属于该农户' });
      // A green-channel case (advance paid before the notice, SPEC §3.6) still goes through both.
      else if (fundCase.status !== 'awaiting_deliberation' && !fundCase.greenChannel)
        outOfOrder.push(o.subjectId);
    }),
  );
  return { issues, outOfOrder };
};

const auditOf = (deps: DeliberationDeps, caller: Caller, deliberation: Deliberation) =>
  deliberation.outcomes.flatMap((o) =>
    fundAuditItems({
      auditId: deps.newId(),
      at: deliberation.recordedAt,
      identity: caller.identity,
      action: 'deliberation.recorded',
      entityType: 'deliberation',
      entityId: deliberation.deliberationId,
      countyCode: deliberation.countyCode,
      villageCode: deliberation.villageCode,
      householdId: o.householdId,
      summary: `村级评议（${SUBJECT_TYPE_ZH[o.subjectType]}）：${o.outcome === 'passed' ? '通过' : '未通过'}`,
      details: {
        meetingDate: deliberation.meetingDate,
        membersPresent: deliberation.membersPresent.length,
        subjectType: o.subjectType,
        subjectId: o.subjectId,
        outcome: o.outcome,
        ...(o.note ? { note: o.note } : {}),
      },
      requestId: caller.requestId,
    }),
  );

export const recordDeliberation = async (
  deps: DeliberationDeps,
  caller: Caller,
  input: DeliberationInput,
): Promise<{ deliberation: Deliberation; created: boolean }> => {
  const villageCode = caller.identity.villageCode;
  if (!villageCode) throw new Forbidden('仅村级账号可登记评议');
  const countyCode = countyOf(villageCode);
  const deliberation: Deliberation = {
    deliberationId: input.deliberationId,
    countyCode,
    townCode: townOf(villageCode),
    villageCode,
    meetingDate: input.meetingDate,
    membersPresent: input.membersPresent,
    minutesUploadId: input.minutesUploadId,
    outcomes: input.outcomes.map((o) => ({ ...o })),
    recordedBy: caller.identity.userId,
    recordedAt: caller.now.toISOString(),
  };

  const replay = async (): Promise<{ deliberation: Deliberation; created: boolean } | undefined> => {
    const existing = await deps.deliberations.get(input.deliberationId);
    if (!existing) return undefined;
    if (existing.villageCode === villageCode && sameContent(existing, deliberation))
      return { deliberation: existing, created: false };
    throw new Conflict('该评议编号已登记了不同的内容', DELIBERATION_EXISTS);
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const issues: FieldIssue[] = [];
  if (input.meetingDate > shanghaiDate(caller.now))
    issues.push({ path: 'body.meetingDate', message: '会议日期不能晚于今天' });
  const config = await deps.config.get(countyCode, Number(input.meetingDate.slice(0, 4)));
  if (input.membersPresent.length < config.deliberationMinMembers)
    issues.push({
      path: 'body.membersPresent',
      message: `参会评议人员不少于 ${config.deliberationMinMembers} 人`,
    });
  issues.push(...(await checkMinutes(deps, input, countyCode)));
  const subjects = await checkSubjects(deps, input, villageCode);
  issues.push(...subjects.issues);
  if (issues.length > 0) throw new ValidationFailed(issues.sort((a, b) => a.path.localeCompare(b.path)));
  if (subjects.outOfOrder.length > 0)
    throw new Conflict(
      '有防贫案件不在待评议状态：须先完成入户核查（及抽样复核）',
      CASE_NOT_AWAITING_DELIBERATION,
      { caseIds: subjects.outOfOrder },
    );

  try {
    await deps.deliberations.create(deliberation, auditOf(deps, caller, deliberation));
  } catch (error) {
    if (error instanceof Conflict && error.code === DELIBERATION_EXISTS) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
  return { deliberation, created: true };
};

/**
 * Objections during a notice (SPEC §3.5). Recording one: the notice in the caller's area, still
 * posted, the objection received within the period (else 409), against a subject on the list.
 * Resolving one (town or county, after investigation): upheld withdraws the subject with the
 * reason, dismissed keeps it listed. Both are written at the notice's version with the objection
 * (created once / resolved only while open), the subject's item and the audit records; the
 * objection's id is the client's idempotency key, so a replay answers the first result.
 */
import { isDeepStrictEqual } from 'node:util';
import { OBJECTION_EXISTS, OBJECTION_RESOLVED } from '../../adapters/notice-store.ts';
import type { ObjectionInput, ResolveObjectionInput } from '../../contracts/notices.ts';
import { subjectOutcomeOf, type Notice, type Objection } from '../../domain/notice/notice.ts';
import { recordObjection as record, resolveObjection as resolve } from '../../domain/notice/transitions.ts';
import { Conflict, NotFound, ValidationFailed } from '../../http/errors.ts';
import { logger } from '../../log/logger.ts';
import { noticeAudit } from './audit.ts';
import type { Caller, NoticeDeps } from './ports.ts';
import { loadNoticeInScope } from './read-notices.ts';
import { onFreshNotice } from './retry.ts';

const CHANNEL_ZH: Readonly<Record<Objection['channel'], string>> = {
  in_person: '当面',
  phone: '电话',
  letter: '信函',
  hotline: '热线',
  online: '网络',
  other: '其他',
};

const householdOf = (notice: Notice, subjectId: string) => {
  const subject = notice.subjects.find((s) => s.subjectId === subjectId);
  return subject ? [{ householdId: subject.householdId, subjectId }] : [];
};

export const recordObjection = (
  deps: NoticeDeps,
  caller: Caller,
  noticeId: string,
  input: ObjectionInput,
): Promise<{ objection: Objection; created: boolean }> =>
  onFreshNotice(() => recordOnce(deps, caller, noticeId, input));

const recordOnce = async (
  deps: NoticeDeps,
  caller: Caller,
  noticeId: string,
  input: ObjectionInput,
): Promise<{ objection: Objection; created: boolean }> => {
  const notice = await loadNoticeInScope(deps.notices, caller.identity, noticeId);
  const existing = await deps.notices.getObjection(noticeId, input.objectionId);
  const objection: Objection = {
    objectionId: input.objectionId,
    noticeId,
    subjectId: input.subjectId,
    receivedAt: new Date(input.receivedAt).toISOString(),
    content: input.content,
    channel: input.channel,
    recordedBy: caller.identity.userId,
    recordedAt: caller.now.toISOString(),
    status: 'open',
  };
  if (existing) {
    const same = (o: Objection) => ({ s: o.subjectId, r: o.receivedAt, c: o.content, ch: o.channel });
    if (isDeepStrictEqual(same(existing), same(objection))) return { objection: existing, created: false };
    throw new Conflict('该异议编号已登记了不同的内容', OBJECTION_EXISTS);
  }
  if (!notice.subjects.some((s) => s.subjectId === input.subjectId))
    throw new ValidationFailed([{ path: 'body.subjectId', message: '该对象不在本公示名单中' }]);
  if (Date.parse(objection.receivedAt) > caller.now.getTime())
    throw new ValidationFailed([{ path: 'body.receivedAt', message: '收到时间不能晚于现在' }]);

  const next = record(notice, objection);
  await deps.notices.save({
    notice: next,
    expectedVersion: notice.version,
    objection: { next: objection },
    subjects: [],
    audit: noticeAudit(deps.newId, caller, next, objection.recordedAt, {
      action: 'notice.objection_recorded',
      summary: `公示期间收到异议（${CHANNEL_ZH[objection.channel]}），待调查核实`,
      details: { objectionId: objection.objectionId, receivedAt: objection.receivedAt },
      households: householdOf(notice, objection.subjectId),
    }),
  });
  return { objection, created: true };
};

const checkEvidence = async (
  deps: NoticeDeps,
  objection: Objection,
  uploadId: string,
  countyCode: string,
) => {
  const upload = await deps.uploads.get(uploadId);
  const path = 'body.evidenceUploadId';
  if (!upload || upload.countyCode !== countyCode || upload.kind !== 'objection_evidence')
    throw new ValidationFailed([{ path, message: '佐证材料不存在或不是异议调查材料' }]);
  if (upload.ownerId !== objection.objectionId)
    throw new ValidationFailed([{ path, message: '佐证材料须以异议编号（objectionId）上传' }]);
  if (upload.status !== 'stored') throw new ValidationFailed([{ path, message: '佐证材料尚未上传完成' }]);
};

export const resolveObjection = (
  deps: NoticeDeps,
  caller: Caller,
  ids: { noticeId: string; objectionId: string },
  input: ResolveObjectionInput,
): Promise<Objection> => onFreshNotice(() => resolveOnce(deps, caller, ids, input));

const resolveOnce = async (
  deps: NoticeDeps,
  caller: Caller,
  ids: { noticeId: string; objectionId: string },
  input: ResolveObjectionInput,
): Promise<Objection> => {
  const notice = await loadNoticeInScope(deps.notices, caller.identity, ids.noticeId);
  const objection = await deps.notices.getObjection(ids.noticeId, ids.objectionId);
  if (!objection) throw new NotFound('异议不存在');
  if (objection.status !== 'open') {
    if (objection.status === input.decision && objection.resolution === input.resolution) return objection;
    throw new Conflict('该异议已办结', OBJECTION_RESOLVED, { status: objection.status });
  }
  if (input.evidenceUploadId) await checkEvidence(deps, objection, input.evidenceUploadId, notice.countyCode);

  const at = caller.now.toISOString();
  const resolved: Objection = {
    ...objection,
    status: input.decision,
    resolution: input.resolution,
    investigationNotes: input.investigationNotes,
    ...(input.evidenceUploadId ? { evidenceUploadId: input.evidenceUploadId } : {}),
    resolvedBy: caller.identity.userId,
    resolvedAt: at,
  };
  const next = resolve(notice, resolved);
  const before = notice.subjects.find((s) => s.subjectId === objection.subjectId);
  const after = next.subjects.find((s) => s.subjectId === objection.subjectId);
  const withdrawn = before?.status === 'listed' && after?.status === 'withdrawn' ? after : undefined;
  await deps.notices.save({
    notice: next,
    expectedVersion: notice.version,
    objection: { next: resolved, expectedStatus: 'open' },
    subjects: withdrawn ? [subjectOutcomeOf(next, withdrawn)] : [],
    audit: noticeAudit(deps.newId, caller, next, at, {
      action: input.decision === 'upheld' ? 'notice.objection_upheld' : 'notice.objection_dismissed',
      summary:
        input.decision === 'upheld'
          ? `异议经调查成立，撤出公示：${input.resolution}`
          : `异议经调查不成立，保留公示：${input.resolution}`,
      details: { objectionId: objection.objectionId, decision: input.decision, resolution: input.resolution },
      households: householdOf(notice, objection.subjectId),
    }),
  });
  if (withdrawn) await tellWithdrawn(deps, caller, withdrawn);
  return resolved;
};

/** Best effort: what the withdrawal means elsewhere is also found when it is next read. */
const tellWithdrawn = async (
  deps: NoticeDeps,
  caller: Caller,
  subject: { subjectType: string; subjectId: string },
): Promise<void> => {
  try {
    await deps.subjectWithdrawn?.(caller, { subjectType: subject.subjectType, subjectId: subject.subjectId });
  } catch (error) {
    logger.error('a withdrawn subject could not be passed on; its next read does it', {
      error: error as Error,
    });
  }
};

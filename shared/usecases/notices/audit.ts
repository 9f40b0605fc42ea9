/**
 * Audit records of a notice step: one under the notice, and one under each household concerned so
 * its file (一户一档) shows the step. Each copy has its own id, so a household with two subjects on
 * one notice gets two records.
 */
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Notice } from '../../domain/notice/notice.ts';
import type { Caller } from './ports.ts';

export interface NoticeAuditStep {
  readonly action: string;
  readonly summary: string;
  readonly details: Record<string, unknown>;
  /** Households to copy the record to, with the subject each one concerns. */
  readonly households: readonly { householdId: string; subjectId: string }[];
}

export const noticeAudit = (
  newId: () => string,
  caller: Pick<Caller, 'identity' | 'requestId'>,
  notice: Notice,
  at: string,
  step: NoticeAuditStep,
): Record<string, unknown>[] => {
  const base = {
    at,
    identity: caller.identity,
    action: step.action,
    entityType: 'notice' as const,
    entityId: notice.noticeId,
    countyCode: notice.countyCode,
    villageCode: notice.villageCode,
    summary: step.summary,
    requestId: caller.requestId,
  };
  return [
    ...fundAuditItems({ ...base, auditId: newId(), details: { kind: notice.kind, ...step.details } }),
    ...step.households.flatMap((h) =>
      fundAuditItems({
        ...base,
        auditId: newId(),
        householdId: h.householdId,
        details: { kind: notice.kind, subjectId: h.subjectId, ...step.details },
      }).slice(1),
    ),
  ];
};

/**
 * Audit records of fund-side actions (negative list, fund cases, applications), in the same
 * layout as the registry's (`shared/adapters/audit-store.ts`): under the record's own partition
 * and, when a household is concerned, a copy under the household's so its file (一户一档) shows
 * every step. Summaries are zh-CN with names and IDs masked.
 */
import type { Identity } from '../../auth/identity.ts';
import { auditPartition } from '../../adapters/audit-store.ts';

export interface FundAuditInput {
  readonly auditId: string;
  readonly at: string;
  readonly identity: Identity;
  readonly action: string;
  readonly entityType:
    'fundCase' | 'application' | 'negativeList' | 'deliberation' | 'notice' | 'calendar' | 'payout' | 'fund';
  readonly entityId: string;
  readonly countyCode: string;
  readonly villageCode?: string;
  readonly householdId?: string;
  readonly summary: string;
  readonly details?: Record<string, unknown>;
  readonly requestId?: string;
}

export const fundAuditItems = (input: FundAuditInput): Record<string, unknown>[] => {
  const record = {
    auditId: input.auditId,
    at: input.at,
    actor: { userId: input.identity.userId, username: input.identity.username, role: input.identity.role },
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    countyCode: input.countyCode,
    ...(input.villageCode ? { villageCode: input.villageCode } : {}),
    summary: input.summary,
    ...(input.details ? { after: input.details } : {}),
    ...(input.requestId ? { requestId: input.requestId } : {}),
  };
  const own = {
    pk: auditPartition(input.entityType, input.entityId),
    sk: `${input.at}#${input.auditId}`,
    ...record,
  };
  if (!input.householdId) return [own];
  return [
    own,
    {
      pk: auditPartition('household', input.householdId),
      sk: `${input.at}#${input.auditId}`,
      ...record,
      entityType: 'household',
      entityId: input.householdId,
      subject: { type: input.entityType, id: input.entityId },
    },
  ];
};

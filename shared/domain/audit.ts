/**
 * Audit records (SPEC §1 auditor, §4.7 一户一档): who did what to which household, when, with the
 * before/after of the change; and every read of full personal data. Built here, written by the
 * store in the same transaction as the change.
 */
import { maskAuditValues, type AuditDiff } from './audit-diff.ts';
import type { Household, LeftReason, Member } from './household-schema.ts';
import { maskName } from './mask.ts';

export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly role: string;
}

export const AUDIT_ACTIONS = [
  'household.created',
  'household.updated',
  'member.added',
  'member.updated',
  'member.left',
  'member.moved_out',
  'member.moved_in',
  'identity.read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  readonly auditId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly action: AuditAction;
  readonly entityType: 'household';
  readonly entityId: string;
  readonly countyCode: string;
  readonly villageCode: string;
  /** zh-CN, with names masked. */
  readonly summary: string;
  readonly before?: AuditDiff['before'];
  readonly after?: AuditDiff['after'];
  readonly requestId?: string;
}

export interface AuditContext {
  readonly now: string;
  readonly actor: Actor;
  readonly newId: () => string;
  readonly requestId?: string;
}

export const auditEntry = (
  ctx: AuditContext,
  household: Pick<Household, 'householdId' | 'countyCode' | 'villageCode'>,
  action: AuditAction,
  summary: string,
  diff?: AuditDiff,
): AuditEntry => ({
  auditId: ctx.newId(),
  at: ctx.now,
  actor: ctx.actor,
  action,
  entityType: 'household',
  entityId: household.householdId,
  countyCode: household.countyCode,
  villageCode: household.villageCode,
  summary,
  ...(diff ? { before: diff.before, after: diff.after } : {}),
  ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
});

const LEFT_REASONS_ZH: Readonly<Record<LeftReason, string>> = {
  deceased: '死亡',
  moved_out: '迁出',
  married_out: '婚出',
  other: '其他',
  moved: '户间迁移',
};

const who = (member: Pick<Member, 'name'>): string => maskName(member.name);

/** zh-CN one-line summaries; names masked, so the summary can be shown as is. */
export const auditSummary = {
  created: (household: Household) =>
    `新建农户：户主 ${maskName(household.headName)}，${household.members.length} 人`,
  updated: (labels: readonly string[]) => `修改农户信息：${labels.join('、')}`,
  memberAdded: (member: Member) => `新增家庭成员 ${who(member)}`,
  memberUpdated: (member: Member, labels: readonly string[]) =>
    `修改家庭成员 ${who(member)}：${labels.join('、')}`,
  memberLeft: (member: Member) =>
    `家庭成员 ${who(member)} 减员（${member.leftReason ? LEFT_REASONS_ZH[member.leftReason] : '其他'}）`,
  movedOut: (member: Member, reason: string) => `家庭成员 ${who(member)} 迁出到另一户（${reason}）`,
  movedIn: (member: Member, reason: string) => `家庭成员 ${who(member)} 从另一户迁入（${reason}）`,
  identityRead: (household: Household) => `查看完整身份信息：户主 ${maskName(household.headName)}`,
};

/** What readers of the trail see: the record with names, IDs and phones masked. */
export const auditView = (entry: AuditEntry) => ({
  auditId: entry.auditId,
  at: entry.at,
  actor: entry.actor,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  summary: entry.summary,
  ...(entry.before ? { before: maskAuditValues(entry.before) } : {}),
  ...(entry.after ? { after: maskAuditValues(entry.after) } : {}),
});

/**
 * The negative list (SPEC §4.2): county staff add and remove entries of their county (each
 * audited, the audit table keeping the history); the county's readers list it masked.
 */
import { maskName, maskResidentId } from '../../domain/mask.ts';
import { NEGATIVE_REASON_ZH, type NegativeEntry, type NegativeReason } from '../../domain/negative-list.ts';
import { NotFound } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { fundAuditItems } from './audit-record.ts';
import type { Caller, NegativeListDeps } from './ports.ts';

export const maskEntry = (entry: NegativeEntry) => ({
  residentId: maskResidentId(entry.residentId),
  ...(entry.personName ? { personName: maskName(entry.personName) } : {}),
  reason: entry.reason,
  reasonLabel: entry.reasonLabel,
  ...(entry.note ? { note: entry.note } : {}),
  createdBy: entry.createdBy,
  createdAt: entry.createdAt,
});
export type NegativeEntryView = ReturnType<typeof maskEntry>;

/** The audit trail of an entry is kept per county, since the entry itself can be removed. */
const audit = (
  deps: NegativeListDeps,
  caller: Caller,
  action: string,
  residentId: string,
  summary: string,
  details: Record<string, unknown>,
) =>
  fundAuditItems({
    auditId: deps.newId(),
    at: caller.now.toISOString(),
    identity: caller.identity,
    action,
    entityType: 'negativeList',
    entityId: caller.identity.countyCode,
    countyCode: caller.identity.countyCode,
    summary,
    details: { residentId, residentIdMasked: maskResidentId(residentId), ...details },
    requestId: caller.requestId,
  });

export const addNegativeEntry = async (
  deps: NegativeListDeps,
  caller: Caller,
  input: { residentId: string; personName?: string; reason: NegativeReason; note?: string },
): Promise<{ entry: NegativeEntryView; created: boolean }> => {
  const existing = await deps.negativeList.get(input.residentId);
  if (existing) {
    if (existing.countyCode !== caller.identity.countyCode)
      throw new NotFound('该人员不在本县负面清单的管理范围内');
    return { entry: maskEntry(existing), created: false };
  }
  const entry: NegativeEntry = {
    residentId: input.residentId,
    ...(input.personName ? { personName: input.personName } : {}),
    countyCode: caller.identity.countyCode,
    reason: input.reason,
    reasonLabel: NEGATIVE_REASON_ZH[input.reason],
    ...(input.note ? { note: input.note } : {}),
    createdBy: caller.identity.username,
    createdAt: caller.now.toISOString(),
  };
  const records = audit(
    deps,
    caller,
    'negative_list.added',
    entry.residentId,
    `列入负面清单：${maskResidentId(entry.residentId)}（${entry.reasonLabel}）`,
    { reason: entry.reason, ...(entry.note ? { note: entry.note } : {}) },
  );
  const saved = await deps.negativeList.add(entry, records);
  return { entry: maskEntry(saved.entry), created: saved.created };
};

export const listNegativeEntries = async (
  deps: NegativeListDeps,
  caller: Pick<Caller, 'identity'>,
  page: PageRequest,
): Promise<Page<NegativeEntryView>> => {
  const found = await deps.negativeList.list(caller.identity.countyCode, page);
  return { items: found.items.map(maskEntry), nextCursor: found.nextCursor };
};

export const removeNegativeEntry = async (
  deps: NegativeListDeps,
  caller: Caller,
  input: { residentId: string; reason: string },
): Promise<void> => {
  const existing = await deps.negativeList.get(input.residentId);
  if (!existing || existing.countyCode !== caller.identity.countyCode)
    throw new NotFound('该人员不在本县负面清单中');
  const records = audit(
    deps,
    caller,
    'negative_list.removed',
    existing.residentId,
    `移出负面清单：${maskResidentId(existing.residentId)}，原因：${input.reason}`,
    { reason: input.reason, previousReason: existing.reason },
  );
  if (!(await deps.negativeList.remove(existing.residentId, records)))
    throw new NotFound('该人员不在本县负面清单中');
};

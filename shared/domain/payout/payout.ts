/**
 * A payout (赔付, SPEC §3.6): the proposal computed for a fund case whose notice passed (or, by
 * the green channel, before it ends), approved by county staff (a second, different approver above
 * `secondApprovalAboveFen`), released by the insurer in a disbursement batch, confirmed by the
 * finance officer with the bank transfer reference, or failed / cancelled (the amount released
 * back). The household data it was computed from is frozen in `snapshot`.
 */
import { z } from 'zod';
import { FundCategory } from '../fund-case.ts';
import { HouseholdType } from '../household-schema.ts';
import { IncomeFigures } from '../income.ts';
import { maskName, maskResidentId } from '../mask.ts';
import { PayoutWorking } from './calculate.ts';

export const PAYOUT_STATUSES = [
  'proposed',
  'awaiting_second_approval',
  'approved',
  'released',
  'disbursed',
  'failed',
  'cancelled',
  /** Nothing due (below the deductible, or the cap already reached): counted in the year's sums, no money moves. */
  'settled_zero',
] as const;
export const PayoutStatus = z.enum(PAYOUT_STATUSES).meta({
  description:
    '待审批 / 待第二人审批 / 已审批（已预留） / 已纳入拨付批次 / 已拨付 / 拨付失败 / 已撤销 / 本次无需赔付（计入年度累计）',
});
export type PayoutStatus = z.infer<typeof PayoutStatus>;

/** Statuses whose amount is reserved in the ledger. */
export const RESERVED_STATUSES: readonly PayoutStatus[] = ['approved', 'released'];
/** Statuses that end a payout; the case may get a new proposal after failed / cancelled. */
export const ENDED_STATUSES: readonly PayoutStatus[] = ['disbursed', 'failed', 'cancelled', 'settled_zero'];

export const SnapshotMember = z.object({
  memberId: z.string(),
  name: z.string(),
  residentId: z.string(),
  relation: z.string(),
});

/** The household as the payout was computed from it. */
export const HouseholdSnapshot = z.object({
  householdId: z.string(),
  type: HouseholdType,
  townCode: z.string(),
  villageCode: z.string(),
  headName: z.string(),
  members: z.array(SnapshotMember),
  /** The verified income figures (A33/A34/A37/A38) of the case's last verification result. */
  income: IncomeFigures.optional(),
  verificationRound: z.number().int().optional(),
  householdVersion: z.number().int(),
});
export type HouseholdSnapshot = z.infer<typeof HouseholdSnapshot>;

export const Approval = z.object({ userId: z.string(), username: z.string(), at: z.string() });
export type Approval = z.infer<typeof Approval>;

export const Payout = z
  .object({
    payoutId: z.string(),
    caseId: z.string(),
    fundId: z.string(),
    fundYear: z.number().int(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    householdId: z.string(),
    category: FundCategory,
    schoolLevel: z.string().optional(),
    caseAmountFen: z.number().int().min(0),
    /** The household's year sums the calculation started from (checked again at approval). */
    basis: z.object({
      priorEligibleFen: z.number().int(),
      alreadyPaidFen: z.number().int(),
      sumVersion: z.number().int(),
    }),
    working: PayoutWorking,
    payoutFen: z.number().int().min(0),
    /** Paid by the green channel before the notice ended (先行赔付). */
    advance: z.boolean(),
    greenChannelReason: z.string().optional(),
    snapshot: HouseholdSnapshot,
    status: PayoutStatus,
    requiredApprovals: z.number().int().min(1).max(2),
    approvals: z.array(Approval),
    approvedAt: z.string().optional(),
    batchId: z.string().optional(),
    releasedAt: z.string().optional(),
    bankReference: z.string().optional(),
    disbursedAt: z.string().optional(),
    disbursedBy: z.string().optional(),
    failureReason: z.string().optional(),
    cancelReason: z.string().optional(),
    endedAt: z.string().optional(),
    /** Set when an advance was paid and an objection upheld afterwards withdrew the case (待追回). */
    recovery: z.object({ reason: z.string(), flaggedAt: z.string(), noticeId: z.string() }).optional(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Payout' });
export type Payout = z.infer<typeof Payout>;

/** The payout as shown: names and resident IDs of the snapshot masked. */
export const maskPayout = (p: Payout): Payout => ({
  ...p,
  snapshot: {
    ...p.snapshot,
    headName: maskName(p.snapshot.headName),
    members: p.snapshot.members.map((m) => ({
      ...m,
      name: maskName(m.name),
      residentId: maskResidentId(m.residentId),
    })),
  },
});

/** The household's running sums in a category and fund year: eligible amounts counted, paid or reserved. */
export const HouseholdYearSum = z.object({
  householdId: z.string(),
  year: z.number().int(),
  category: FundCategory,
  eligibleFen: z.number().int(),
  paidFen: z.number().int(),
  version: z.number().int().min(0),
});
export type HouseholdYearSum = z.infer<typeof HouseholdYearSum>;

/* Item layout (main table):
 *   payout       pk=PAYOUT#<payoutId>  sk=PAYOUT   gsi1 PAYOUTS#<countyCode> / <status>#<createdAt>#<payoutId>
 *                                                  gsi2 PAYOUTS#FUND#<fundId> / <createdAt>#<payoutId>
 *   batch        pk=PAYBATCH#<batchId>  sk=PAYBATCH
 *   year sums    pk=PAYSUM#<householdId>#<year>  sk=<category>
 */
export const payoutKey = (payoutId: string) => ({ pk: `PAYOUT#${payoutId}`, sk: 'PAYOUT' });
export const householdSumKey = (householdId: string, year: number, category: FundCategory) => ({
  pk: `PAYSUM#${householdId}#${year}`,
  sk: category,
});

export const payoutItem = (p: Payout): Record<string, unknown> => ({
  ...payoutKey(p.payoutId),
  entity: 'payout',
  ...p,
  gsi1pk: `PAYOUTS#${p.countyCode}`,
  gsi1sk: `${p.status}#${p.createdAt}#${p.payoutId}`,
  gsi2pk: `PAYOUTS#FUND#${p.fundId}`,
  gsi2sk: `${p.createdAt}#${p.payoutId}`,
});

export const DisbursementBatch = z
  .object({
    batchId: z.string(),
    countyCode: z.string(),
    fundId: z.string(),
    payoutIds: z.array(z.string()),
    totalFen: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'DisbursementBatch' });
export type DisbursementBatch = z.infer<typeof DisbursementBatch>;

export const batchKey = (batchId: string) => ({ pk: `PAYBATCH#${batchId}`, sk: 'PAYBATCH' });

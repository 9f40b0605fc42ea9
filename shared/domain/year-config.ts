/**
 * The county's configuration for a fund year (SPEC: every number is configuration with a
 * default, per county and per year). Money in fen. Stored at `pk=CONFIG#<county>`,
 * `sk=YEAR#<year>`; a missing item or field takes the default below.
 */
import { z } from 'zod';
import { DEPARTMENTS } from '../auth/roles.ts';

const fen = z.number().int().min(0);

/** Share in integer basis points (7000 = 70%): payout arithmetic never multiplies money by a float. */
const basisPoints = z.number().int().min(0).max(10_000);
/** A band of the amount above the deductible: up to `uptoFen` above it (the last band: no bound). */
const PayoutTier = z.object({ uptoFen: fen.optional(), rateBp: basisPoints });
/** What a school level changes of its category's rule (SPEC §3.6 "per school level … or a fixed amount"). */
const LevelRule = z.object({
  deductibleFen: fen.optional(),
  rate: z.number().min(0).max(1).optional(),
  tiers: z.array(PayoutTier).min(1).optional(),
  fixedFen: fen.optional(),
  capFen: fen.optional(),
});

const CategoryRule = z.object({
  deductibleFen: fen,
  /** Share paid above the deductible, 0–1 (taken to basis points); `tiers` replace it when given. */
  rate: z.number().min(0).max(1),
  capFen: fen,
  /** Progressive bands over the amount above the deductible (see `shared/domain/payout/calculate.ts`). */
  tiers: z.array(PayoutTier).min(1).optional(),
  /** A fixed amount instead of a share (paid once the amount exceeds the deductible). */
  fixedFen: fen.optional(),
  /** Schooling: per school level. */
  levels: z.record(z.string(), LevelRule).optional(),
});

export const YearConfig = z.object({
  countyCode: z.string(),
  year: z.number().int(),
  monitoringLineFen: fen.default(690_000),
  fundLineFen: fen.default(520_000),
  eliminationFloorFen: fen.default(500_000),
  verificationDeadlineDays: z.number().int().min(1).default(10),
  noticeDays: z.number().int().min(5).default(7),
  noticeWorkingDays: z.boolean().default(false),
  /** Members who must be present for a village deliberation to decide (评议组: 驻村干部、村两委、党员代表、组长). */
  deliberationMinMembers: z.number().int().min(1).default(5),
  samplingRate: z.number().min(0).max(1).default(0.1),
  reinspectionTolerance: z.number().min(0).max(1).default(0.1),
  secondApprovalAboveFen: fen.default(5_000_000),
  /** The fund-balance-low alert fires when available < this share of the fund year's deposits. */
  lowBalanceShare: z.number().min(0).max(1).default(0.1),
  referral: z
    .object({
      /** Departments push by this day of the month, 24:00 Asia/Shanghai. */
      dueDay: z.number().int().min(1).max(28).default(5),
      monthlyDepartments: z
        .array(z.enum(DEPARTMENTS))
        .default(['medical_insurance', 'civil_affairs', 'emergency_management']),
      /** Education pushes only in these months (1–12). */
      educationMonths: z.array(z.number().int().min(1).max(12)).default([3, 9]),
      maxFileBytes: z
        .number()
        .int()
        .min(1)
        .default(50 * 1024 * 1024),
      maxBatchRows: z.number().int().min(1).default(5_000),
    })
    .prefault({}),
  prescreen: z
    .object({
      /** Per-capita income above this multiple of the fund line is "far above" (SPEC §3.1). */
      incomeFarAboveFactor: z.number().min(1).default(2),
    })
    .prefault({}),
  /** Dynamic monitoring (SPEC §4.3–4.5). */
  monitoring: z
    .object({
      /** Whole identification procedure, days from opening. */
      procedureDays: z.number().int().min(1).default(15),
      /** Monitoring contact and assistance plan, days after approval. */
      assistanceSetupDays: z.number().int().min(1).default(10),
      /** Each identification step is due this many days after opening (capped by procedureDays). */
      stepDays: z
        .object({
          home_verification: z.number().int().min(1).default(3),
          asset_checks: z.number().int().min(1).default(6),
          deliberation: z.number().int().min(1).default(7),
          notice: z.number().int().min(1).default(14),
          town_review: z.number().int().min(1).default(15),
          county_approval: z.number().int().min(1).default(15),
        })
        .prefault({}),
      /** Elimination: months monitored at least, months with income above the line at least. */
      minMonthsMonitored: z.number().int().min(0).default(3),
      incomeAboveLineMonths: z.number().int().min(1).default(6),
      /** "Single risk, single measure": more measures than this for one risk are flagged. */
      maxMeasuresPerRisk: z.number().int().min(1).default(2),
      /** An elimination's notice runs at least this many days (SPEC §4.5: 7). */
      eliminationNoticeDays: z.number().int().min(1).default(7),
    })
    .prefault({}),
  verification: z
    .object({
      /**
       * SPEC §3.3 "expenditure clearly above income": with no stable income, a household above the
       * fund line is eligible when its compliant self-paid expenses A36 exceed A33 × this factor.
       */
      burdenIncomeFactor: z.number().min(0).default(1),
      /** Largest evidence object a result may name (bytes). */
      maxEvidenceBytes: z
        .number()
        .int()
        .min(1)
        .default(20 * 1024 * 1024),
    })
    .prefault({}),
  sampling: z
    .object({
      minPerAdjuster: z.number().int().min(0).default(1),
      /** An adjuster with a re-inspection discrepancy last period is sampled at rate × this (≤ 1). */
      discrepancyRateFactor: z.number().min(1).default(2),
    })
    .prefault({}),
  /** Area alerts (SPEC §4.7, `002_…`: 未消除风险监测对象占比超过 2% 的镇、村重点关注). */
  alerts: z
    .object({
      /** `monitored_share_high` when unresolved monitored households are STRICTLY above this share of households. */
      monitoredShareAbove: z.number().min(0).max(1).default(0.02),
    })
    .prefault({}),
  payoutRules: z
    .object({
      illness: CategoryRule.default({ deductibleFen: 500_000, rate: 0.7, capFen: 10_000_000 }),
      disaster: CategoryRule.default({ deductibleFen: 500_000, rate: 0.7, capFen: 10_000_000 }),
      schooling: CategoryRule.default({ deductibleFen: 600_000, rate: 1, capFen: 2_000_000 }),
    })
    .prefault({}),
});
export type YearConfig = z.infer<typeof YearConfig>;

/** The configuration of a county and year from its stored fields (or none): defaults fill the rest. */
export const yearConfigOf = (
  countyCode: string,
  year: number,
  stored: Record<string, unknown> = {},
): YearConfig => YearConfig.parse({ ...stored, countyCode, year });

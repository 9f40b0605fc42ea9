/**
 * What an adjuster submits after the home visit (SPEC §3.3) and what the server adds to it: the
 * income figures (A33/A34/A37/A38), the eligibility of SPEC §3.3 next to the adjuster's conclusion,
 * and the differences against the registry as proposed changes (never applied here).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FundCategory } from '../fund-case.ts';
import { IncomeComponents, IncomeFigures } from '../income.ts';
import { Member, Relation } from '../household-schema.ts';
import { RESIDENT_ID_PROBLEM_ZH, normalizeResidentId, residentIdProblem } from '../resident-id.ts';
import { ComputedEligibility } from './eligibility.ts';

const UploadId = z.string().uuid('应为有效的上传编号（UUID）');
const fen = z.number().int().min(0, '金额不能为负数');

export const FoundMember = z.object({
  name: z.string().trim().min(1, '姓名不能为空').max(30),
  residentId: z
    .string()
    .transform(normalizeResidentId)
    .superRefine((value, ctx) => {
      const problem = residentIdProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_PROBLEM_ZH[problem] });
    }),
  relation: Relation,
  labour: Member.shape.labour,
  health: Member.shape.health,
  note: z.string().trim().max(200).optional(),
});
export type FoundMember = z.infer<typeof FoundMember>;

export const ExpenditureItem = z.object({
  description: z.string().trim().min(1, '请填写支出说明').max(200),
  amountFen: fen,
  uploadIds: z.array(UploadId).max(20).default([]),
});

export const AssetFindings = z.object({
  depositsFen: fen.default(0).meta({ description: '存款（分）' }),
  vehicles: z.number().int().min(0).default(0),
  commercialHousing: z.number().int().min(0).default(0).meta({ description: '城镇商品房套数' }),
  businessRegistered: z.boolean().default(false).meta({ description: '有工商登记' }),
  publicPayroll: z.boolean().default(false).meta({ description: '有财政供养人员' }),
  notes: z.string().trim().max(500).optional(),
});

export const Investigator = z.object({
  name: z.string().trim().min(1, '请填写调查人员姓名').max(30),
  /** The platform user, when the investigator has one (separation of duties checks it). */
  username: z.string().trim().min(1).max(128).optional(),
});

export const Conclusion = z.object({
  eligible: z.boolean(),
  proposedCategory: FundCategory,
  reason: z.string().trim().min(1, '请填写结论理由').max(500),
});

export const VerificationResultInput = z
  .object({
    visitedOn: z.iso.date('应为日期 YYYY-MM-DD'),
    membersFound: z.array(FoundMember).min(1, '至少填写一名家庭成员').max(30),
    income: IncomeComponents,
    stableIncome: z.boolean().meta({ description: '是否有稳定收入来源' }),
    expenditure: z.object({ category: FundCategory, items: z.array(ExpenditureItem).max(50) }),
    assets: AssetFindings.prefault({}),
    investigators: z.array(Investigator).min(2, '至少需要两名调查人员').max(10),
    conclusion: Conclusion,
    evidence: z.array(UploadId).min(1, '请上传核查照片或签字表').max(50),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.membersFound.forEach((m, index) => {
      const first = seen.get(m.residentId);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['membersFound', index, 'residentId'],
          message: `与第${first + 1}名成员证件号码重复`,
        });
      else seen.set(m.residentId, index);
    });
  })
  .meta({ id: 'VerificationResultInput' });
export type VerificationResultInput = z.infer<typeof VerificationResultInput>;

export const ProposedChange = z.object({
  kind: z.enum(['add', 'remove', 'update']),
  memberId: z.string().optional(),
  residentId: z.string().meta({ description: '脱敏' }),
  fields: z.array(z.string()).optional(),
  summary: z.string(),
});
export type ProposedChange = z.infer<typeof ProposedChange>;

export const VerificationResult = z
  .object({
    caseId: z.string(),
    round: z.number().int().min(1),
    version: z.number().int().min(1),
    bodySha256: z.string(),
    input: VerificationResultInput,
    income: IncomeFigures,
    computed: ComputedEligibility,
    /** The adjuster's conclusion agrees with the computed eligibility. */
    agrees: z.boolean(),
    proposedChanges: z.array(ProposedChange),
    submittedBy: z.string(),
    submittedAt: z.string(),
  })
  .meta({ id: 'VerificationResult' });
export type VerificationResult = z.infer<typeof VerificationResult>;

/** JSON with keys sorted at every level, so the same content always hashes the same. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
};

/** The hash that makes a replayed submission recognisable. */
export const resultSha256 = (input: VerificationResultInput): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');

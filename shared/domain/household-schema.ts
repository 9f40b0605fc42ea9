/**
 * The household registry's shapes (SPEC §2; collection form A1–A22 of `002_…` 附件3).
 * One zod schema per shape: request validation, types, and OpenAPI.
 */
import { z } from 'zod';
import {
  disabilityCertificateProblem,
  normalizeResidentId,
  RESIDENT_ID_PROBLEM_ZH,
  residentIdProblem,
} from './resident-id.ts';
import { levelOf, REGION_CODE } from './region.ts';

export const HOUSEHOLD_TYPES = ['general', 'lifted', 'monitored'] as const;
export const HouseholdType = z
  .enum(HOUSEHOLD_TYPES)
  .meta({ description: '户类型：一般农户 / 脱贫户 / 监测户' });
export type HouseholdType = z.infer<typeof HouseholdType>;

export const RELATIONS = [
  'head',
  'spouse',
  'son',
  'daughter',
  'son_in_law',
  'daughter_in_law',
  'grandson',
  'granddaughter',
  'father',
  'mother',
  'grandfather',
  'grandmother',
  'sibling',
  'other',
] as const;

export const Relation = z.enum(RELATIONS).meta({ description: 'A8 与户主关系' });
export type Relation = z.infer<typeof Relation>;

export const VillageCode = z
  .string()
  .regex(REGION_CODE, '区划代码应为12位数字')
  .refine((code) => levelOf(code) === 'village', '应为村级区划代码');

export const RegionCode = z.string().regex(REGION_CODE, '区划代码应为12位数字');

export const Phone = z
  .string()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话');

const idNumberSchema = z
  .object({
    idType: z.enum(['resident_id', 'disability_certificate']).default('resident_id'),
    idNumber: z.string().trim().transform(normalizeResidentId),
  })
  .superRefine((value, ctx) => {
    const problem =
      value.idType === 'resident_id'
        ? residentIdProblem(value.idNumber)
        : disabilityCertificateProblem(value.idNumber);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: RESIDENT_ID_PROBLEM_ZH[problem] });
  });

const memberFields = z.object({
  name: z.string().trim().min(1, '姓名不能为空').max(30),
  sex: z.enum(['male', 'female']),
  relation: Relation,
  ethnicity: z.string().max(10).default('汉族').meta({ description: 'A9 民族' }),
  politicalStatus: z.enum(['masses', 'party_member', 'league_member', 'other']).default('masses'),
  education: z
    .enum(['illiterate', 'primary', 'junior', 'senior', 'vocational', 'college', 'preschool', 'none'])
    .default('none')
    .meta({ description: 'A11 文化程度' }),
  schooling: z
    .enum([
      'not_in_school',
      'preschool',
      'primary',
      'junior',
      'senior',
      'secondary_vocational',
      'higher_vocational',
      'undergraduate',
      'postgraduate',
      'dropped_out',
    ])
    .default('not_in_school')
    .meta({ description: 'A12 在校生状况' }),
  health: z
    .enum(['healthy', 'chronic_illness', 'serious_illness', 'disabled'])
    .default('healthy')
    .meta({ description: 'A13 健康状况' }),
  labour: z
    .enum(['general', 'skilled', 'weak', 'none', 'lost'])
    .default('general')
    .meta({ description: 'A14 劳动技能：普通/技能/弱劳动力/无劳动力/丧失劳动力' }),
  workRegion: z
    .enum(['none', 'in_county', 'in_province', 'out_of_province', 'abroad'])
    .default('none')
    .meta({ description: 'A15 务工区域' }),
  workMonths: z.number().int().min(0).max(12).default(0).meta({ description: 'A16 务工时间（月）' }),
  medicalInsurance: z.boolean().default(true).meta({ description: 'A17 基本医疗保险' }),
  criticalIllnessInsurance: z.boolean().default(true).meta({ description: 'A18 大病保险' }),
  pensionInsurance: z.boolean().default(false).meta({ description: 'A19 基本养老保险' }),
  dibao: z.boolean().default(false).meta({ description: 'A20 最低生活保障' }),
  specialHardship: z.boolean().default(false).meta({ description: 'A21 特困供养' }),
  relocated: z.boolean().default(false).meta({ description: 'A22 易地扶贫搬迁人口' }),
});

export const MemberInput = z.intersection(memberFields, idNumberSchema).meta({ id: 'MemberInput' });
export type MemberInput = z.infer<typeof MemberInput>;

export const MemberUpdate = memberFields.partial().meta({ id: 'MemberUpdate' });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const HouseholdInput = z
  .object({
    villageCode: VillageCode,
    group: z.string().trim().min(1, '村民小组不能为空').max(30).meta({ description: '自然村/村民小组' }),
    address: z.string().trim().min(1, '地址不能为空').max(120),
    phone: Phone.optional(),
    type: HouseholdType.default('general'),
    relocationSite: z.boolean().default(false).meta({ description: 'A1 居住在大中型集中安置区' }),
    members: z.array(MemberInput).min(1, '至少需要一名家庭成员（户主）').max(30),
  })
  .superRefine((value, ctx) => {
    const heads = value.members.filter((m) => m.relation === 'head').length;
    if (heads !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: '家庭成员中应有且仅有一名户主' });
    const seen = new Map<string, number>();
    value.members.forEach((m, index) => {
      const first = seen.get(m.idNumber.slice(0, 18));
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'idNumber'],
          message: `与第${first + 1}名成员证件号码重复`,
        });
      } else seen.set(m.idNumber.slice(0, 18), index);
    });
  })
  .meta({ id: 'HouseholdInput' });
export type HouseholdInput = z.infer<typeof HouseholdInput>;

/** Changes to the household record itself; `version` is the one read (optimistic concurrency). */
export const HouseholdUpdate = z
  .object({
    version: z.number().int().min(1),
    group: z.string().trim().min(1).max(30).optional(),
    address: z.string().trim().min(1).max(120).optional(),
    phone: Phone.nullable().optional(),
    type: HouseholdType.optional(),
    relocationSite: z.boolean().optional(),
  })
  .meta({ id: 'HouseholdUpdate' });
export type HouseholdUpdate = z.infer<typeof HouseholdUpdate>;

export const MEMBER_LEAVE_REASONS = ['deceased', 'moved_out', 'married_out', 'other'] as const;
export type MemberLeaveReason = (typeof MEMBER_LEAVE_REASONS)[number];

/** Why a member is no longer active: a leave reason, or `moved` to another household of the registry. */
export const LEFT_REASONS = [...MEMBER_LEAVE_REASONS, 'moved'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export const MemberStatus = z.enum(['active', 'left']);

export const Member = z
  .object({
    memberId: z.string(),
    ...memberFields.shape,
    idType: z.enum(['resident_id', 'disability_certificate']),
    idNumber: z.string().meta({ description: '证件号码；列表与详情中为脱敏值' }),
    status: MemberStatus,
    joinedAt: z.string(),
    leftAt: z.string().optional(),
    leftReason: z.enum(LEFT_REASONS).optional(),
    leftNote: z.string().optional().meta({ description: '减员或迁移说明' }),
    movedToHouseholdId: z.string().optional().meta({ description: '迁入的农户（户间迁移）' }),
    movedFromHouseholdId: z.string().optional().meta({ description: '迁出的农户（户间迁移）' }),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const Household = z
  .object({
    householdId: z.string(),
    countyCode: RegionCode,
    townCode: RegionCode,
    villageCode: RegionCode,
    group: z.string(),
    address: z.string(),
    phone: z.string().optional(),
    type: HouseholdType,
    relocationSite: z.boolean(),
    headName: z.string(),
    members: z.array(Member),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof Household>;

/** One line of a household list: head name and ID masked. */
export const HouseholdSummary = z
  .object({
    householdId: z.string(),
    villageCode: z.string(),
    townCode: z.string(),
    group: z.string(),
    type: HouseholdType,
    headName: z.string().meta({ description: '脱敏' }),
    headIdNumber: z.string().meta({ description: '脱敏，如 4201**********1234' }),
    memberCount: z.number().int().meta({ description: '在册（未减员）人数' }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HouseholdSummary' });
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

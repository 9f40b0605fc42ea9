/**
 * One row of a department's referral data (SPEC §3.1), the shared zod row schema: the API batch
 * rows are this shape; file rows are mapped to it from the Chinese column headers
 * (`shared/intake/`). Amounts in fen.
 */
import { z } from 'zod';
import { normalizeResidentId, RESIDENT_ID_PROBLEM_ZH, residentIdProblem } from './resident-id.ts';
import { VillageCode } from './household-schema.ts';
import { DISASTER_KINDS, FundCategory, SCHOOL_LEVELS } from './fund-case.ts';

export const ReferralRow = z
  .object({
    residentId: z
      .string()
      .trim()
      .transform(normalizeResidentId)
      .superRefine((id, ctx) => {
        const problem = residentIdProblem(id);
        if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_PROBLEM_ZH[problem] });
      }),
    name: z.string().trim().min(1, '姓名不能为空').max(30),
    villageCode: VillageCode,
    category: FundCategory,
    disasterKind: z.enum(DISASTER_KINDS).optional(),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
    amountFen: z.number().int('金额最多两位小数').min(0, '金额不能为负').max(100_000_000_00, '金额过大'),
    eventDate: z.iso.date('日期格式应为 YYYY-MM-DD'),
    sourceRef: z.string().trim().min(1, '来源编号不能为空').max(64),
    perCapitaIncomeFen: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: '家庭年人均纯收入（分），可选' }),
    note: z.string().max(200).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.category === 'disaster' && !row.disasterKind)
      ctx.addIssue({ code: 'custom', path: ['disasterKind'], message: '因灾事件须填写灾害类型' });
    if (row.category === 'schooling' && !row.schoolLevel)
      ctx.addIssue({ code: 'custom', path: ['schoolLevel'], message: '因学事件须填写学段' });
  })
  .meta({ id: 'ReferralRow' });
export type ReferralRow = z.infer<typeof ReferralRow>;

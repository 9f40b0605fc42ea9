/**
 * Assistance measures (帮扶措施, A39–A52 of `002_…` 附件3), grouped as SPEC §4.4, and the checks of
 * a plan: a risk (A27) with no measure is flagged; "single risk, single measure" — more measures
 * for one risk than the county allows is flagged too. A fund payout is a measure (prevention
 * insurance, A48) recorded automatically.
 */
import { z } from 'zod';
import { DEPARTMENTS } from '../../auth/roles.ts';
import { RiskType, RISK_ZH } from './risk.ts';

export const MEASURE_GROUPS = ['income', 'guarantees', 'safety_net', 'other'] as const;
export type MeasureGroup = (typeof MEASURE_GROUPS)[number];

export const MEASURE_GROUP_ZH: Readonly<Record<MeasureGroup, string>> = {
  income: '增收类帮扶',
  guarantees: '“三保障”和饮水安全',
  safety_net: '综合保障（兜底）',
  other: '其他帮扶',
};

interface MeasureDef {
  readonly field: string;
  readonly label: string;
  readonly group: MeasureGroup;
}

export const MEASURES = {
  industry: { field: 'A39', label: '产业帮扶', group: 'income' },
  employment: { field: 'A40', label: '就业帮扶', group: 'income' },
  microcredit: { field: 'A41', label: '金融帮扶（小额信贷）', group: 'income' },
  public_welfare_job: { field: 'A42', label: '公益岗位帮扶', group: 'income' },
  housing: { field: 'A43', label: '住房安全保障', group: 'guarantees' },
  water: { field: 'A44', label: '饮水安全保障', group: 'guarantees' },
  health: { field: 'A45', label: '健康帮扶', group: 'guarantees' },
  compulsory_education: { field: 'A46', label: '义务教育保障', group: 'guarantees' },
  education_aid: { field: 'A47', label: '教育帮扶', group: 'guarantees' },
  dibao: { field: 'A48', label: '综合保障：最低生活保障', group: 'safety_net' },
  special_hardship: { field: 'A48', label: '综合保障：特困供养', group: 'safety_net' },
  temporary_assistance: { field: 'A48', label: '综合保障：临时救助', group: 'safety_net' },
  disability_subsidy: { field: 'A48', label: '综合保障：残疾人补贴', group: 'safety_net' },
  prevention_insurance: { field: 'A48', label: '综合保障：防贫保险（防贫保）', group: 'safety_net' },
  social_aid: { field: 'A49', label: '社会帮扶', group: 'other' },
  relocation: { field: 'A50', label: '搬迁', group: 'other' },
  living_conditions: { field: 'A51', label: '生产生活条件改善', group: 'other' },
  infrastructure: { field: 'A52', label: '基础设施建设', group: 'other' },
} as const satisfies Record<string, MeasureDef>;

export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as [MeasureCode, ...MeasureCode[]];
export const MeasureCodeSchema = z.enum(MEASURE_CODES).meta({ description: '帮扶措施（A39–A52）' });

/** Who carries a measure out: a department, the county's rural revitalisation bureau, the village. */
export const MEASURE_OWNERS = [...DEPARTMENTS, 'rural_revitalization', 'village', 'town'] as const;
export const MeasureOwner = z.enum(MEASURE_OWNERS).meta({ description: '责任单位' });

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

export const Measure = z
  .object({
    measureId: z.string(),
    householdId: z.string(),
    code: MeasureCodeSchema,
    label: z.string(),
    field: z.string(),
    group: z.enum(MEASURE_GROUPS),
    risk: RiskType,
    ownerDepartment: MeasureOwner,
    status: MeasureStatus,
    note: z.string().optional(),
    amountFen: z.number().int().min(0).optional(),
    /** Recorded before the procedure completed (green channel). */
    greenChannel: z.boolean().default(false),
    /** A fund payout: the case it came from. */
    caseId: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'AssistanceMeasure' });
export type Measure = z.infer<typeof Measure>;

export interface PlanFlag {
  readonly code: 'RISK_WITHOUT_MEASURE' | 'TOO_MANY_MEASURES_FOR_RISK';
  readonly risk: RiskType;
  readonly message: string;
}

/** The plan's flags against the household's risks. */
export const planFlags = (
  risks: readonly RiskType[],
  measures: readonly Pick<Measure, 'risk'>[],
  maxPerRisk: number,
): PlanFlag[] => {
  const counts = new Map<RiskType, number>();
  for (const m of measures) counts.set(m.risk, (counts.get(m.risk) ?? 0) + 1);
  const flags: PlanFlag[] = [];
  for (const risk of new Set(risks)) {
    if (!counts.has(risk))
      flags.push({
        code: 'RISK_WITHOUT_MEASURE',
        risk,
        message: `风险“${RISK_ZH[risk]}”尚无对应帮扶措施`,
      });
  }
  for (const [risk, count] of counts) {
    if (count > maxPerRisk)
      flags.push({
        code: 'TOO_MANY_MEASURES_FOR_RISK',
        risk,
        message: `风险“${RISK_ZH[risk]}”有 ${count} 项措施，超过 ${maxPerRisk} 项（一户一策、精准施策）`,
      });
  }
  return flags;
};

/** Risks covered by at least one measure under way or done. */
export const risksInPlace = (risks: readonly RiskType[], measures: readonly Measure[]): RiskType[] =>
  risks.filter((risk) => measures.some((m) => m.risk === risk && m.status !== 'planned'));

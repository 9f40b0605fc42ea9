/**
 * A monitoring procedure (识别 / 风险消除 / 回退 / 清退) as explicit steps with guards, pure: which
 * steps each kind has and in what order (`steps.ts`), who may do each step, what a step needs
 * first. A step out of order is a Conflict naming the step that must come first; a role that may
 * not do a step is Forbidden. Item: `pk=MONPROC#<id>`, `sk=PROC`, listed per region level on
 * gsi1/2/3 `MONPROCS#<village|town|county>` / `<status>#<openedAt>#<id>`.
 */
import { z } from 'zod';
import type { Role } from '../../auth/roles.ts';
import { Conflict, Forbidden } from '../../http/errors.ts';
import { IncomeComponents, IncomeFigures } from '../income.ts';
import { MonitoringCategory, RiskType } from './risk.ts';
import { STEP_ORDER, STEP_ROLES, STEP_ZH, StepName, type ProcedureKind } from './steps.ts';

export { STEP_ORDER, STEP_ZH, StepName };
export type { ProcedureKind };

export const PROCEDURE_KINDS = ['identification', 'elimination', 'rollback', 'removal'] as const;
export const PROCEDURE_KIND_ZH: Readonly<Record<ProcedureKind, string>> = {
  identification: '监测对象识别',
  elimination: '风险消除',
  rollback: '回退',
  removal: '清退',
};

export const PROCEDURE_STATUSES = ['in_progress', 'completed', 'rejected', 'ended'] as const;
export const ProcedureStatus = z.enum(PROCEDURE_STATUSES);
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;

export const STATUS_ZH: Readonly<Record<ProcedureStatus, string>> = {
  in_progress: '办理中',
  completed: '已审定通过',
  rejected: '未通过',
  ended: '已终止',
};

const StepRecord = z.object({ at: z.string(), by: z.string(), role: z.string() });

export const Verification = z.object({
  investigators: z.array(z.string()).min(2),
  memberCount: z.number().int().min(1),
  components: IncomeComponents,
  figures: IncomeFigures,
  risks: z.array(RiskType),
  sharpIncomeDrop: z.boolean(),
  evidenceUploadIds: z.array(z.string()),
  note: z.string().optional(),
});
export type Verification = z.infer<typeof Verification>;

export const Attestations = z
  .object({
    measuresInPlace: z.boolean().meta({ description: '帮扶措施已落实到位' }),
    assurancesStable: z.boolean().meta({ description: '“两不愁三保障”及饮水安全稳定' }),
    incomeStable: z.boolean().meta({ description: '收入持续稳定高于监测线' }),
    rigidExpensesSolved: z.boolean().meta({ description: '刚性支出问题已解决' }),
  })
  .meta({ id: 'EliminationAttestations' });
export type Attestations = z.infer<typeof Attestations>;

export const Procedure = z
  .object({
    procedureId: z.string(),
    kind: z.enum(PROCEDURE_KINDS),
    status: ProcedureStatus,
    householdId: z.string(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    leadId: z.string().optional(),
    openedAt: z.string(),
    openedBy: z.string(),
    /** Identification only: the whole procedure is due by then. */
    dueAt: z.string().optional(),
    greenChannel: z.boolean().default(false),
    greenChannelReason: z.string().optional(),
    authorizationUploadId: z.string().optional(),
    steps: z.partialRecord(StepName, StepRecord).default({}),
    verification: Verification.optional(),
    category: MonitoringCategory.optional(),
    categoryReasons: z.array(z.string()).optional(),
    assetChecks: z.array(z.object({ checkId: z.string(), department: z.string() })).optional(),
    deliberationId: z.string().optional(),
    noticeId: z.string().optional(),
    townReview: z
      .object({
        decision: z.enum(['approve', 'reject']),
        signedBy: z.string(),
        signedUploadId: z.string().optional(),
        reason: z.string().optional(),
      })
      .optional(),
    countyApproval: z
      .object({ decision: z.enum(['approve', 'reject']), reason: z.string().optional() })
      .optional(),
    elimination: z
      .object({ method: z.enum(['assistance', 'natural']), attestations: Attestations })
      .optional(),
    change: z.object({ reason: z.string(), evidenceUploadIds: z.array(z.string()) }).optional(),
    outcome: z.object({ at: z.string(), result: z.string(), reason: z.string().optional() }).optional(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'MonitoringProcedure' });
export type Procedure = z.infer<typeof Procedure>;

export const OUT_OF_ORDER = 'STEP_OUT_OF_ORDER';

export const stepsOf = (kind: ProcedureKind): readonly StepName[] => STEP_ORDER[kind];

/** The first step of the procedure not done yet (undefined when all are done). */
export const nextStep = (p: Pick<Procedure, 'kind' | 'steps'>): StepName | undefined =>
  stepsOf(p.kind).find((step) => !p.steps[step]);

/**
 * Throws unless `role` may do `step` now: the procedure is in progress, the step belongs to its
 * kind, is not done yet and every step before it is done.
 */
export const assertStep = (p: Procedure, step: StepName, role: Role): void => {
  if (!STEP_ROLES[step].includes(role)) throw new Forbidden(`当前角色不能办理“${STEP_ZH[step]}”步骤`);
  const order = stepsOf(p.kind);
  if (!order.includes(step))
    throw new Conflict(`${PROCEDURE_KIND_ZH[p.kind]}程序没有“${STEP_ZH[step]}”步骤`, OUT_OF_ORDER, {
      step,
    });
  if (p.status !== 'in_progress')
    throw new Conflict(`该程序已办结（${STATUS_ZH[p.status]}），不能再办理此步骤`, OUT_OF_ORDER, {
      status: p.status,
    });
  if (p.steps[step]) throw new Conflict(`“${STEP_ZH[step]}”步骤已办理`, OUT_OF_ORDER, { step });
  const first = nextStep(p);
  if (first && first !== step)
    throw new Conflict(`须先完成“${STEP_ZH[first]}”步骤`, OUT_OF_ORDER, { step, requiredFirst: first });
};

export interface StepContext {
  readonly at: string;
  readonly by: string;
  readonly role: Role;
}

/** The procedure with `step` done (after `assertStep`) and `changes` applied. */
export const withStep = (
  p: Procedure,
  step: StepName,
  ctx: StepContext,
  changes: Partial<Procedure> = {},
): Procedure => ({
  ...p,
  ...changes,
  steps: { ...p.steps, [step]: { at: ctx.at, by: ctx.by, role: ctx.role } },
  updatedAt: ctx.at,
  version: p.version + 1,
});

/** Ends the procedure (rejected, or ended because a deliberation or notice went against it). */
export const closed = (
  p: Procedure,
  status: Exclude<ProcedureStatus, 'in_progress'>,
  at: string,
  result: string,
  reason?: string,
): Procedure => ({ ...p, status, outcome: { at, result, ...(reason ? { reason } : {}) } });

export const procedureKey = (procedureId: string) => ({ pk: `MONPROC#${procedureId}`, sk: 'PROC' });

export const procedureItem = (p: Procedure): Record<string, unknown> => {
  const sort = `${p.status}#${p.openedAt}#${p.procedureId}`;
  return {
    ...procedureKey(p.procedureId),
    entity: 'monitoring_procedure',
    ...p,
    gsi1pk: `MONPROCS#${p.villageCode}`,
    gsi1sk: sort,
    gsi2pk: `MONPROCS#${p.townCode}`,
    gsi2sk: sort,
    gsi3pk: `MONPROCS#${p.countyCode}`,
    gsi3sk: sort,
  };
};

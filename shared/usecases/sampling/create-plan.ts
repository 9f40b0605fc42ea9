/**
 * County staff open a sampling plan (SPEC §3.4): the plan and its seed are stored first (a seed is
 * generated with crypto when none is given), then the `sampling-draw` state machine snapshots the
 * population, draws and moves the cases. Answered 202 with the plan while it draws.
 */
import { periodOf, type SamplingPlan, type SamplingPlanRequest } from '../../domain/sampling/plan.ts';
import { NotFound } from '../../http/errors.ts';
import type { Identity } from '../../auth/identity.ts';
import type { Caller } from '../fund-cases/ports.ts';
import type { SamplingDeps } from './ports.ts';

export const createPlan = async (
  deps: SamplingDeps,
  caller: Caller,
  request: SamplingPlanRequest,
): Promise<SamplingPlan> => {
  const { from, to } = periodOf(request);
  const config = await deps.config.get(caller.identity.countyCode, Number(from.slice(0, 4)));
  const plan: SamplingPlan = {
    planId: deps.newId(),
    countyCode: caller.identity.countyCode,
    from,
    to,
    method: request.method ?? { kind: 'rate', rate: config.samplingRate },
    minPerAdjuster: request.minPerAdjuster ?? config.sampling.minPerAdjuster,
    ...(request.payoutThresholdFen !== undefined ? { payoutThresholdFen: request.payoutThresholdFen } : {}),
    handPicked: [...new Set(request.handPicked)].sort(),
    includeDisagreements: request.includeDisagreements,
    discrepancyRateFactor: config.sampling.discrepancyRateFactor,
    seed: request.seed ?? deps.newSeed(),
    seedGenerated: request.seed === undefined,
    status: 'drawing',
    createdBy: caller.identity.username,
    createdAt: caller.now.toISOString(),
  };
  await deps.plans.create(plan);
  try {
    await deps.startDraw(plan.planId);
  } catch (error) {
    // Nothing was drawn: the plan says so, and a new plan can be drawn.
    await deps.plans.save({ ...plan, status: 'failed', error: '抽样状态机未能启动' });
    throw error;
  }
  return plan;
};

/** The plan if it is the caller's county's. */
export const loadPlan = async (deps: Pick<SamplingDeps, 'plans'>, identity: Identity, planId: string) => {
  const plan = await deps.plans.get(planId);
  if (!plan || plan.countyCode !== identity.countyCode) throw new NotFound('抽样方案不存在');
  return plan;
};

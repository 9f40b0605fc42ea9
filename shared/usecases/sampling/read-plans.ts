/**
 * Reading plans (county staff, the auditor) and the redraw check: the draw computed again from the
 * stored population snapshot and seed must equal the stored sample. Another seed may be given to
 * see what it would have drawn (it does not change the plan).
 */
import type { Identity } from '../../auth/identity.ts';
import { Conflict } from '../../http/errors.ts';
import { loadPlan } from './create-plan.ts';
import { drawOf, storedPopulation } from './draw-steps.ts';
import type { SamplingDeps } from './ports.ts';

export const listPlans = async (deps: SamplingDeps, identity: Identity, limit: number) => ({
  items: (await deps.plans.listByCounty(identity.countyCode, limit)).map(({ sample: _s, ...plan }) => ({
    ...plan,
    sampleSize: _s?.length,
  })),
});

export const getPlan = (deps: SamplingDeps, identity: Identity, planId: string) =>
  loadPlan(deps, identity, planId);

export const redrawCheck = async (deps: SamplingDeps, identity: Identity, planId: string, seed?: string) => {
  const plan = await loadPlan(deps, identity, planId);
  if (!plan.sample) throw new Conflict('抽样方案尚未抽取完成', 'PLAN_NOT_DRAWN', { status: plan.status });
  const { population, sha256 } = await storedPopulation(deps, plan);
  const usedSeed = seed ?? plan.seed;
  const draw = drawOf(plan, population, usedSeed);
  const key = (s: { caseId: string; reason: string }) => `${s.caseId}:${s.reason}`;
  const stored = plan.sample.map(key).join(',');
  return {
    planId,
    seed: usedSeed,
    populationSize: population.length,
    populationSha256: sha256,
    populationMatches: sha256 === plan.populationSha256,
    sampleMatches: draw.sample.map(key).join(',') === stored,
    sample: draw.sample,
  };
};

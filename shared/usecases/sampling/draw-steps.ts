/**
 * The tasks of the `sampling-draw` state machine. Each is safe to run again (Retry, or a restarted
 * execution): the snapshot is written once, the draw once, and a case already moved by this plan
 * is counted, not moved again. Each throws on failure.
 *
 * 1. SnapshotPopulation — completed verifications of the period (result first submitted in it,
 *    case still `verified` in that round), sorted by case id, with the estimated payout and the
 *    adjuster's conclusion; adjusters with a discrepancy on work of the previous period (same
 *    length, just before) are sampled at the raised rate. Stored in S3 with its sha256.
 * 2. DrawSample — the pure draw (`shared/domain/sampling/draw.ts`) from the snapshot and the seed.
 * 3. MoveCases — sampled → `awaiting_reinspection`; the others as the adjuster concluded
 *    (`awaiting_deliberation` / `closed`). A case that changed meanwhile is skipped and counted.
 */
import type { Identity } from '../../auth/identity.ts';
import {
  drawSample,
  estimatePayoutFen,
  SAMPLE_REASON_ZH,
  type PopulationEntry,
} from '../../domain/sampling/draw.ts';
import { previousPeriod, type SamplingPlan } from '../../domain/sampling/plan.ts';
import { shanghaiMidnight } from '../../domain/shanghai-time.ts';
import type { VerificationResult } from '../../domain/verification/result.ts';
import { Conflict } from '../../http/errors.ts';
import { caseAudit, movedCase } from '../verification/case-access.ts';
import { afterVerification } from '../verification/outcome.ts';
import type { SamplingDeps } from './ports.ts';

const DAY_MS = 86_400_000;

const periodBounds = (from: string, to: string) => ({
  fromIso: shanghaiMidnight(from).toISOString(),
  toIso: new Date(shanghaiMidnight(to).getTime() + DAY_MS).toISOString(),
});

const mustLoad = async (deps: SamplingDeps, planId: string): Promise<SamplingPlan> => {
  const plan = await deps.plans.get(planId);
  if (!plan) throw new Error(`sampling plan ${planId} not found`);
  return plan;
};

const latestOfRound = (results: readonly VerificationResult[], round: number) =>
  results
    .filter((r) => r.round === round)
    .reduce<VerificationResult | undefined>((a, r) => (a && a.version > r.version ? a : r), undefined);

export const snapshotPopulation = async (deps: SamplingDeps, planId: string) => {
  const plan = await mustLoad(deps, planId);
  if (plan.populationKey) return { planId, populationSize: plan.populationSize ?? 0 };
  const config = await deps.config.get(plan.countyCode, Number(plan.from.slice(0, 4)));
  const { fromIso, toIso } = periodBounds(plan.from, plan.to);
  const tasks = await deps.verification.submittedBetween(plan.countyCode, fromIso, toIso);
  const population: PopulationEntry[] = [];
  for (const task of tasks) {
    const found = await deps.cases.get(task.caseId);
    if (!found || found.fundCase.status !== 'verified' || found.fundCase.verificationRound !== task.round)
      continue;
    const latest = latestOfRound(await deps.verification.resultsOfCase(task.caseId), task.round);
    if (!latest) continue;
    const c = found.fundCase;
    population.push({
      caseId: c.caseId,
      round: task.round,
      adjuster: task.adjuster,
      insurerContract: task.insurerContract,
      townCode: c.townCode,
      category: c.category,
      payoutEstimateFen: estimatePayoutFen(c.amountFen, config.payoutRules[c.category]),
      eligible: latest.input.conclusion.eligible,
      disagreement: !latest.agrees,
    });
  }
  population.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const previous = previousPeriod(plan.from, plan.to);
  const before = periodBounds(previous.from, previous.to);
  const raisedAdjusters = [
    ...new Set(
      (await deps.verification.submittedBetween(plan.countyCode, before.fromIso, before.toIso))
        .filter((t) => t.reinspection === 'discrepancy')
        .map((t) => t.adjuster),
    ),
  ].sort();
  const stored = await deps.snapshots.put(plan.countyCode, plan.planId, population);
  await deps.plans.save({
    ...plan,
    populationKey: stored.key,
    populationSha256: stored.sha256,
    populationSize: population.length,
    raisedAdjusters,
  });
  return { planId, populationSize: population.length };
};

/** The stored population, refusing one whose bytes are not those the plan recorded. */
export const storedPopulation = async (deps: SamplingDeps, plan: SamplingPlan) => {
  if (!plan.populationKey) throw new Conflict('抽样方案尚未生成总体快照', 'PLAN_NOT_DRAWN');
  return deps.snapshots.get(plan.populationKey);
};

export const drawOf = (plan: SamplingPlan, population: readonly PopulationEntry[], seed = plan.seed) =>
  drawSample(population, seed, {
    method: plan.method,
    minPerAdjuster: plan.minPerAdjuster,
    payoutThresholdFen: plan.payoutThresholdFen,
    handPicked: plan.handPicked,
    includeDisagreements: plan.includeDisagreements,
    raisedAdjusters: plan.raisedAdjusters ?? [],
    discrepancyRateFactor: plan.discrepancyRateFactor,
  });

export const drawPlan = async (deps: SamplingDeps, planId: string) => {
  const plan = await mustLoad(deps, planId);
  if (plan.sample) return { planId, sampleSize: plan.sample.length };
  const { population, sha256 } = await storedPopulation(deps, plan);
  if (sha256 !== plan.populationSha256) throw new Error(`population snapshot of plan ${planId} was altered`);
  const draw = drawOf(plan, population);
  const inPopulation = new Set(population.map((e) => e.caseId));
  await deps.plans.save({
    ...plan,
    baseSize: draw.baseSize,
    sample: draw.sample.map((s) => ({ ...s, reasonZh: SAMPLE_REASON_ZH[s.reason] })),
    handPickedNotInPopulation: plan.handPicked.filter((id) => !inPopulation.has(id)),
  });
  return { planId, sampleSize: draw.sample.length };
};

export const moveCases = async (deps: SamplingDeps, planId: string, now: Date) => {
  const plan = await mustLoad(deps, planId);
  if (plan.status === 'drawn') return { planId, moved: plan.moved };
  const { population } = await storedPopulation(deps, plan);
  const sampled = new Set((plan.sample ?? []).map((s) => s.caseId));
  const moved = { toReinspection: 0, toDeliberation: 0, closed: 0, skipped: 0 };
  const count = (status: string) => {
    if (status === 'awaiting_reinspection') moved.toReinspection += 1;
    else if (status === 'awaiting_deliberation') moved.toDeliberation += 1;
    else moved.closed += 1;
  };
  const actor: Identity = {
    userId: 'system:sampling-draw',
    username: plan.createdBy,
    role: 'county_staff',
    countyCode: plan.countyCode,
  };
  for (const entry of population) {
    const task = await deps.verification.getTask(entry.caseId, entry.round);
    if (task?.planId === plan.planId) {
      count(
        sampled.has(entry.caseId)
          ? 'awaiting_reinspection'
          : entry.eligible
            ? 'awaiting_deliberation'
            : 'closed',
      );
      continue;
    }
    const found = await deps.cases.get(entry.caseId);
    const latest = latestOfRound(await deps.verification.resultsOfCase(entry.caseId), entry.round);
    if (
      !task ||
      !latest ||
      found?.fundCase.status !== 'verified' ||
      found.fundCase.verificationRound !== entry.round
    ) {
      moved.skipped += 1;
      continue;
    }
    const isSampled = sampled.has(entry.caseId);
    const next = movedCase(
      found.fundCase,
      now,
      isSampled ? { status: 'awaiting_reinspection' } : afterVerification(latest),
    );
    try {
      await deps.verification.write({
        tasks: [
          {
            task: { ...task, planId: plan.planId, sampled: isSampled, version: task.version + 1 },
            expectedVersion: task.version,
          },
        ],
        caseMove: { next, expectedVersion: found.fundCase.version },
        audit: caseAudit(
          deps,
          { identity: actor, now },
          found.fundCase,
          isSampled ? 'sampling.sampled' : 'sampling.not_sampled',
          isSampled
            ? `抽样复核方案 ${plan.planId} 抽中（${SAMPLE_REASON_ZH[(plan.sample ?? []).find((s) => s.caseId === entry.caseId)?.reason ?? 'random']}），待复核`
            : `抽样复核方案 ${plan.planId} 未抽中，${next.status === 'closed' ? '核查不符合条件，结案' : '转村级评议'}`,
          { planId: plan.planId, sampled: isSampled, status: next.status },
        ),
      });
      count(next.status);
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      moved.skipped += 1;
    }
  }
  await deps.plans.save({ ...plan, status: 'drawn', moved, drawnAt: now.toISOString() });
  return { planId, moved };
};

export const markPlanFailed = async (deps: SamplingDeps, planId: string, error: string) => {
  const plan = await mustLoad(deps, planId);
  if (plan.status !== 'drawn')
    await deps.plans.save({ ...plan, status: 'failed', error: error.slice(0, 1000) });
  return { planId };
};

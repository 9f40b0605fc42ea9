import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VerificationStore, VerificationWrite } from '../../../shared/adapters/verification-store.ts';
import type { FundCase } from '../../../shared/domain/fund-case.ts';
import type { PopulationEntry } from '../../../shared/domain/sampling/draw.ts';
import type { SamplingPlan } from '../../../shared/domain/sampling/plan.ts';
import type { VerificationResult } from '../../../shared/domain/verification/result.ts';
import type { VerificationTask } from '../../../shared/domain/verification/task.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import type { SamplingDeps } from '../../../shared/usecases/sampling/ports.ts';
import { drawPlan, moveCases, snapshotPopulation } from '../../../shared/usecases/sampling/draw-steps.ts';
import { fundCaseFixture } from '../../support/fund-case.ts';

const COUNTY = '420702000000';
const SUBMITTED = '2026-10-10T02:00:00.000Z';

/** Four verified cases of October in memory, a plan over October, counters of writes. */
const world = () => {
  const cases = new Map<string, FundCase>();
  const tasks = new Map<string, VerificationTask>();
  const results = new Map<string, VerificationResult>();
  const plans = new Map<string, SamplingPlan>();
  const objects = new Map<string, string>();
  let snapshotsWritten = 0;
  let casesWritten = 0;
  for (let i = 0; i < 4; i++) {
    const caseId = `00000000-0000-4000-8000-00000000000${i}`;
    cases.set(
      caseId,
      fundCaseFixture({
        caseId,
        countyCode: COUNTY,
        householdId: `hh-${i}`,
        status: 'verified',
        verificationRound: 1,
        createdAt: SUBMITTED,
        updatedAt: SUBMITTED,
        version: 3,
      }),
    );
    tasks.set(caseId, {
      caseId,
      round: 1,
      countyCode: COUNTY,
      townCode: '420702100000',
      villageCode: '420702100201',
      category: 'illness',
      insurerContract: 'PICC',
      adjuster: i < 2 ? 'adjuster.wang' : 'adjuster.li',
      assignedBy: 'insurer.manager',
      assignedAt: SUBMITTED,
      deadline: '2026-10-20T02:00:00.000Z',
      state: 'submitted',
      submittedAt: SUBMITTED,
      history: [],
      version: 2,
    });
    results.set(caseId, {
      caseId,
      round: 1,
      version: 1,
      agrees: true,
      input: { conclusion: { eligible: i !== 3, proposedCategory: 'illness', reason: '收入高' } },
    } as VerificationResult);
  }
  const verification = {
    async submittedBetween(county: string, from: string, to: string) {
      return [...tasks.values()].filter(
        (t) => t.countyCode === county && (t.submittedAt ?? '') >= from && (t.submittedAt ?? '') <= to,
      );
    },
    async resultsOfCase(caseId: string) {
      const r = results.get(caseId);
      return r ? [r] : [];
    },
    async getTask(caseId: string) {
      return tasks.get(caseId);
    },
    async write(change: VerificationWrite) {
      casesWritten += 1;
      for (const { task } of change.tasks ?? []) tasks.set(task.caseId, task);
      if (change.caseMove) cases.set(change.caseMove.next.caseId, change.caseMove.next);
    },
  } as unknown as VerificationStore;
  const deps: SamplingDeps = {
    plans: {
      async create(plan) {
        plans.set(plan.planId, plan);
      },
      async get(planId) {
        return plans.get(planId);
      },
      async save(plan) {
        plans.set(plan.planId, plan);
      },
      async listByCounty() {
        return [...plans.values()];
      },
    },
    snapshots: {
      async put(county, planId, population) {
        snapshotsWritten += 1;
        const key = `sampling/${county}/${planId}/population.json`;
        objects.set(key, JSON.stringify(population));
        return {
          key,
          sha256: createHash('sha256')
            .update(objects.get(key) ?? '')
            .digest('hex'),
        };
      },
      async get(key) {
        const text = objects.get(key) ?? '[]';
        return {
          population: JSON.parse(text) as PopulationEntry[],
          sha256: createHash('sha256').update(text).digest('hex'),
        };
      },
    },
    verification,
    cases: {
      async get(caseId) {
        const fundCase = cases.get(caseId);
        return fundCase ? { fundCase, sources: [] } : undefined;
      },
    },
    config: { get: async (county, year) => yearConfigOf(county, year) },
    startDraw: async () => undefined,
    newId: () => crypto.randomUUID(),
    newSeed: () => 'ab'.repeat(16),
  };
  const plan: SamplingPlan = {
    planId: '11111111-1111-4111-8111-111111111111',
    countyCode: COUNTY,
    from: '2026-10-01',
    to: '2026-10-31',
    method: { kind: 'rate', rate: 0.25 },
    minPerAdjuster: 1,
    handPicked: [],
    includeDisagreements: true,
    discrepancyRateFactor: 2,
    seed: 'cd'.repeat(16),
    seedGenerated: false,
    status: 'drawing',
    createdBy: 'county.staff',
    createdAt: SUBMITTED,
  };
  plans.set(plan.planId, plan);
  return { deps, plan, cases, tasks, plans, objects, counts: () => ({ snapshotsWritten, casesWritten }) };
};

describe('the sampling-draw tasks, run again', () => {
  it('snapshots once: a rerun keeps the first population even when cases changed since', async () => {
    const w = world();
    expect(await snapshotPopulation(w.deps, w.plan.planId)).toEqual({
      planId: w.plan.planId,
      populationSize: 4,
    });
    const first = w.plans.get(w.plan.planId);
    w.cases.delete('00000000-0000-4000-8000-000000000000');
    expect(await snapshotPopulation(w.deps, w.plan.planId)).toEqual({
      planId: w.plan.planId,
      populationSize: 4,
    });
    expect(w.counts().snapshotsWritten).toBe(1);
    expect(w.plans.get(w.plan.planId)?.populationSha256).toBe(first?.populationSha256);
  });

  it('refuses to draw from a snapshot whose bytes changed', async () => {
    const w = world();
    await snapshotPopulation(w.deps, w.plan.planId);
    const key = w.plans.get(w.plan.planId)?.populationKey ?? '';
    w.objects.set(key, (w.objects.get(key) ?? '').replace('adjuster.li', 'adjuster.xx'));
    await expect(drawPlan(w.deps, w.plan.planId)).rejects.toThrow('was altered');
  });

  it('moves each case once; a rerun counts the moved cases instead of moving them again', async () => {
    const w = world();
    await snapshotPopulation(w.deps, w.plan.planId);
    await drawPlan(w.deps, w.plan.planId);
    const sample = w.plans.get(w.plan.planId)?.sample ?? [];
    // 25 % of 4 = 1, but one per adjuster: two cases.
    expect(sample.map((s) => s.reason)).toEqual(['adjuster_minimum', 'adjuster_minimum']);
    // A rerun after the cases moved but before the plan was saved drawn (a crash, a retried task).
    const now = new Date('2026-11-02T00:00:00.000Z');
    const first = await moveCases(w.deps, w.plan.planId, now);
    const written = w.counts().casesWritten;
    expect(written).toBe(4);
    w.plans.set(w.plan.planId, { ...(w.plans.get(w.plan.planId) as SamplingPlan), status: 'drawing' });
    const again = await moveCases(w.deps, w.plan.planId, now);
    expect(w.counts().casesWritten).toBe(written);
    expect(again.moved).toEqual(first.moved);
    const sampled = new Set(sample.map((s) => s.caseId));
    for (const [caseId, c] of w.cases) {
      const expected = sampled.has(caseId)
        ? 'awaiting_reinspection'
        : caseId.endsWith('3')
          ? 'closed'
          : 'awaiting_deliberation';
      expect(c.status, caseId).toBe(expected);
    }
    expect(first.moved).toEqual({
      toReinspection: 2,
      toDeliberation: [...w.cases.values()].filter((c) => c.status === 'awaiting_deliberation').length,
      closed: [...w.cases.values()].filter((c) => c.status === 'closed').length,
      skipped: 0,
    });
  });
});

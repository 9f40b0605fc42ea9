/**
 * The tasks of the `cadence-lists` state machine, in ONE function (the stack's resource limit):
 * `plan` decides the period (the month or quarter just ended, Asia/Shanghai, unless given) and the
 * counties (all, unless given); `build` builds and publishes one county's list. Both throw on
 * failure, so Retry and Catch fire. Input `now` is honoured only with the clock override (tests).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { LIST_KINDS } from '../../shared/domain/cadence/list.ts';
import { Month, monthBefore, Quarter, quarterBefore, runIdOf } from '../../shared/domain/cadence/period.ts';
import { logger } from '../../shared/log/logger.ts';
import { nowFrom } from '../../shared/platform/clock.ts';
import { buildList } from '../../shared/usecases/cadence/build-lists.ts';
import { cadenceDeps } from './deps.ts';

const Plan = z.object({
  step: z.literal('plan'),
  input: z.object({
    kind: z.enum(LIST_KINDS),
    period: z.string().optional(),
    countyCodes: z.array(z.string().regex(/^\d{12}$/)).optional(),
    runId: z.string().optional(),
    startedAt: z.string().optional(),
    requestedBy: z.string().optional(),
    now: z.string().optional(),
  }),
});

const Run = z.object({
  kind: z.enum(LIST_KINDS),
  countyCode: z.string().regex(/^\d{12}$/),
  period: z.string(),
  runId: z.string(),
  startedAt: z.string(),
  requestedBy: z.string(),
  now: z.string().optional(),
});

const Build = z.object({ step: z.literal('build'), run: Run });

const Input = z.discriminatedUnion('step', [Plan, Build]);

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  if (input.step === 'plan') {
    const plan = input.input;
    const now = nowFrom(plan.now);
    const period =
      plan.kind === 'comparison'
        ? Month.parse(plan.period ?? monthBefore(now))
        : Quarter.parse(plan.period ?? quarterBefore(now));
    const counties = plan.countyCodes ?? (await regionStore.listCounties());
    const runId = plan.runId ?? runIdOf(now, randomUUID().slice(0, 8));
    return {
      runs: counties.map((countyCode) => ({
        kind: plan.kind,
        countyCode,
        period,
        runId,
        startedAt: plan.startedAt ?? now.toISOString(),
        requestedBy: plan.requestedBy ?? 'schedule',
        ...(plan.now ? { now: plan.now } : {}),
      })),
    };
  }
  const { run } = input;
  const header = await buildList(cadenceDeps, run.kind, run, nowFrom(run.now));
  logger.info('cadence list built', {
    kind: run.kind,
    countyCode: run.countyCode,
    period: run.period,
    runId: run.runId,
    inForce: header.runId,
    counts: header.counts,
  });
  return { countyCode: run.countyCode, period: run.period, runId: header.runId };
};

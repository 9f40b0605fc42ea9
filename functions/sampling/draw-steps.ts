/**
 * The tasks of the `sampling-draw` state machine, in ONE function (the stack's resource limit):
 * the ASL names the step. Each step is safe to run again and throws on failure, so Retry and
 * Catch fire.
 */
import { z } from 'zod';
import { nowFrom } from '../../shared/platform/clock.ts';
import {
  drawPlan,
  markPlanFailed,
  moveCases,
  snapshotPopulation,
} from '../../shared/usecases/sampling/draw-steps.ts';
import { samplingDeps } from './deps.ts';

const Input = z.object({
  step: z.enum(['snapshot', 'draw', 'move', 'fail']),
  planId: z.string().uuid(),
  now: z.string().optional(),
  error: z.unknown().optional(),
});

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  switch (input.step) {
    case 'snapshot':
      return snapshotPopulation(samplingDeps, input.planId);
    case 'draw':
      return drawPlan(samplingDeps, input.planId);
    case 'move':
      return moveCases(samplingDeps, input.planId, nowFrom(input.now));
    case 'fail':
      return markPlanFailed(samplingDeps, input.planId, JSON.stringify(input.error ?? 'unknown'));
  }
};

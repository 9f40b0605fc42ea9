/**
 * Schedule: restart the intake of open submissions whose heartbeat is older than the threshold
 * (input `staleAfterSeconds`, default 600; `now`, the injectable clock); the run resumes from the
 * chunk checkpoints.
 */
import { z } from 'zod';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { startIntake } from '../../shared/adapters/intake-starter.ts';
import { DEFAULT_STALE_SECONDS, resumeStalledIntakes } from '../../shared/usecases/intake/resume-intakes.ts';
import { logger } from '../../shared/log/logger.ts';
import { nowFrom } from '../../shared/platform/clock.ts';

const Input = z
  .object({
    staleAfterSeconds: z.number().int().min(0).default(DEFAULT_STALE_SECONDS),
    /** The injectable clock (honoured only when FPB_ALLOW_CLOCK_OVERRIDE=true). */
    now: z.string().optional(),
  })
  .loose();

export const handler = async (event: unknown) => {
  const { staleAfterSeconds, now } = Input.parse(event ?? {});
  const result = await resumeStalledIntakes(intakeDeps, startIntake, {
    staleSeconds: staleAfterSeconds,
    now: nowFrom(now),
  });
  logger.info('stalled intakes', { resumed: result.resumed.length, gaveUp: result.gaveUp.length });
  return result;
};

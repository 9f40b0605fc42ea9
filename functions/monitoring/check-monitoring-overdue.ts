/**
 * Schedule `monitoring-overdue-check` (daily 00:20 Asia/Shanghai): raises `procedure_overdue` for
 * identification steps and assistance set-ups past their due date, clears those no longer late. The
 * input may carry `now`, honoured only where the clock override is allowed (tests). Throws on
 * failure so the scheduler's retry policy applies.
 */
import { z } from 'zod';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { logger } from '../../shared/log/logger.ts';
import { nowFrom } from '../../shared/platform/clock.ts';
import { sweepOverdue } from '../../shared/usecases/monitoring/overdue-sweep.ts';
import { monitoringDeps } from './deps.ts';

const Input = z
  .object({
    now: z.string().optional(),
    /** A re-run for these procedures / assistance plans only (an operator's, or a test's); the schedule sends none. */
    procedureIds: z.array(z.string()).optional(),
  })
  .nullish();

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  const counties = await regionStore.listCounties();
  const result = await sweepOverdue(
    monitoringDeps,
    counties,
    nowFrom(input?.now),
    input?.procedureIds ? new Set(input.procedureIds) : undefined,
  );
  logger.info('monitoring overdue check', {
    counties: result.counties,
    raised: result.raised,
    cleared: result.cleared,
    overdue: result.overdue.length,
  });
  return result;
};

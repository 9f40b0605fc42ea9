/**
 * Schedule `area-alerts-sweep` (daily 05:40 Asia/Shanghai): every county's `monitored_share_high` and
 * `blank_village` alerts raised or cleared from its area counters (one counter query per county). It
 * repairs a refresh that failed after a county approval. The input may carry `now`, honoured only
 * where the clock override is allowed (tests), and `counties` to run for some counties only. Throws on
 * failure so the scheduler's retry policy applies.
 */
import { z } from 'zod';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { logger } from '../../shared/log/logger.ts';
import { nowFrom } from '../../shared/platform/clock.ts';
import { sweepAreaAlerts } from '../../shared/usecases/alerts/area-alerts.ts';
import { areaAlertDeps } from './deps.ts';

const Input = z
  .object({ now: z.string().optional(), counties: z.array(z.string().regex(/^\d{6}000000$/)).optional() })
  .nullish();

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  const counties = input?.counties ?? (await regionStore.listCounties());
  const result = await sweepAreaAlerts(areaAlertDeps, counties, nowFrom(input?.now));
  logger.info('area alerts sweep', { ...result });
  return result;
};

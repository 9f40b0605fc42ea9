/**
 * Schedule `notice-expiry` (hourly, :05 Asia/Shanghai): closes every posted notice whose end has
 * passed with no objection open, recounting provisional ends once their calendar is loaded. The
 * input may carry `now`, honoured only where the clock override is allowed (tests). Throws on
 * failure so the scheduler's retry policy applies; notices changed meanwhile wait for the next run.
 */
import { z } from 'zod';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { closeDueNotices } from '../../shared/usecases/notices/close-notices.ts';
import { nowFrom } from '../../shared/platform/clock.ts';
import { logger } from '../../shared/log/logger.ts';
import { noticeDeps } from './deps.ts';

const Input = z
  .object({
    now: z.string().optional(),
    /** A re-run for these notices only (an operator's, or a test's); the schedule sends none. */
    noticeIds: z.array(z.string()).optional(),
  })
  .nullish();

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  const result = await closeDueNotices(
    { ...noticeDeps, listCounties: () => regionStore.listCounties() },
    nowFrom(input?.now),
    input?.noticeIds ? new Set(input.noticeIds) : undefined,
  );
  logger.info('notice expiry', {
    counties: result.counties,
    examined: result.examined,
    closed: result.closed.length,
    recounted: result.recounted.length,
    skipped: result.skipped.length,
  });
  return result;
};

/**
 * Schedule `submission-deadline-check` (the 6th, 00:10 Asia/Shanghai): marks the departments that
 * missed the due day and raises their alerts. The input may carry `now`, honoured only where the
 * clock override is allowed (tests). Throws on failure so the scheduler's retry policy applies.
 */
import { z } from 'zod';
import { dynamoBoardStore } from '../../shared/adapters/board-store.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { checkMissingSubmissions } from '../../shared/usecases/board/check-missing-submissions.ts';
import { nowFrom } from '../../shared/platform/clock.ts';
import { logger } from '../../shared/log/logger.ts';

const Input = z.object({ now: z.string().optional() }).nullish();

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  const now = nowFrom(input?.now);
  const result = await checkMissingSubmissions(
    {
      boardStore: dynamoBoardStore,
      configStore,
      alertStore: dynamoAlertStore,
      listCounties: () => regionStore.listCounties(),
    },
    now,
  );
  logger.info('submission deadline check', {
    month: result.month,
    counties: result.counties,
    missing: result.missing.length,
    alertsRaised: result.alertsRaised,
  });
  return result;
};

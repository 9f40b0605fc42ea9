/**
 * Schedule `verification-overdue-check` (daily): open tasks past their deadline raise
 * `verification_overdue` alerts. The input may carry `now`, honoured only where the clock override
 * is allowed (tests). Throws on failure so the scheduler's retry policy applies.
 */
import { z } from 'zod';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { verificationStore } from '../../shared/adapters/verification-store.ts';
import { logger } from '../../shared/log/logger.ts';
import { nowFrom } from '../../shared/platform/clock.ts';
import { checkOverdueVerifications } from '../../shared/usecases/verification/overdue.ts';

const Input = z
  .object({
    now: z.string().optional(),
    /** A re-run for these fund cases only (an operator's, or a test's); the schedule sends none. */
    caseIds: z.array(z.string()).optional(),
  })
  .nullish();

export const handler = async (event: unknown) => {
  const input = Input.parse(event);
  const now = nowFrom(input?.now);
  const result = await checkOverdueVerifications(
    {
      verification: verificationStore,
      alerts: dynamoAlertStore,
      listCounties: () => regionStore.listCounties(),
    },
    now,
    input?.caseIds ? new Set(input.caseIds) : undefined,
  );
  logger.info('verification overdue check', result);
  return result;
};

/** Task MarkIntakeFailed (from the Catch): record the failed run; the state machine then fails. */
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { markIntakeFailed } from '../../shared/usecases/intake/resume-intakes.ts';
import { logger } from '../../shared/log/logger.ts';
import { IntakeTaskInput } from '../../shared/usecases/intake/task-input.ts';

export const handler = async (event: unknown) => {
  const { submissionId, error } = IntakeTaskInput.parse(event);
  const errorName = error?.Error ?? 'Unknown';
  await markIntakeFailed(intakeDeps, submissionId, errorName);
  logger.error('intake failed', { submissionId, errorName });
  return { submissionId };
};

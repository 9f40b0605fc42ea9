/** POST /submissions — a department pushes a JSON batch; the intake state machine takes it in. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { submitBatch } from '../../shared/contracts/submissions.ts';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { startIntake } from '../../shared/adapters/intake-starter.ts';
import { receiveBatch } from '../../shared/usecases/intake/receive-submission.ts';
import { logger } from '../../shared/log/logger.ts';

export const handler = apiHandler(submitBatch, async ({ identity, body, now }) => {
  const { submission, created } = await receiveBatch(intakeDeps, identity, now, body);
  if (!created)
    return { status: 200, body: { submissionId: submission.submissionId, status: submission.status } };
  try {
    await startIntake(submission.submissionId);
  } catch (error) {
    // The submission is stored and open: the resume schedule starts it.
    logger.warn('intake not started; the resume schedule will', { error: error as Error });
  }
  logger.info('submission received', { submissionId: submission.submissionId, rows: body.rows.length });
  return { status: 202, body: { submissionId: submission.submissionId, status: submission.status } };
});

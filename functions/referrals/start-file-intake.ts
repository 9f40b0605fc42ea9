/**
 * S3 notification (ObjectCreated under `submissions/`): the announced file has arrived; record it
 * and start the intake. Throws on infrastructure errors so the event is retried.
 */
import type { S3Event } from 'aws-lambda';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { startIntake } from '../../shared/adapters/intake-starter.ts';
import { submissionIdOfKey } from '../../shared/usecases/intake/receive-submission.ts';
import { logger } from '../../shared/log/logger.ts';

export const handler = async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const submissionId = submissionIdOfKey(key);
    const submission = submissionId ? await intakeDeps.submissions.get(submissionId) : undefined;
    if (!submissionId || !submission || submission.objectKey !== key) {
      logger.warn('object without an announced submission', { key });
      continue;
    }
    if (!submission.objectStoredAt)
      await intakeDeps.submissions.update(submissionId, { objectStoredAt: new Date().toISOString() });
    await startIntake(submissionId);
    logger.info('submission file arrived', { submissionId });
  }
};

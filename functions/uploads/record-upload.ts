/**
 * S3 notification (ObjectCreated under `uploads/`): mark the announced upload stored, or
 * rejected when size or type differ. Throws on infrastructure errors so the event is retried
 * and, at last, lands in the dead-letter queue.
 */
import type { S3Event } from 'aws-lambda';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../../shared/adapters/aws-clients.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import { arrivalProblem, uploadIdOfKey } from '../../shared/usecases/uploads/upload-rules.ts';
import { logger } from '../../shared/log/logger.ts';

export const handler = async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const uploadId = uploadIdOfKey(key);
    const upload = uploadId ? await dynamoUploadStore.get(uploadId) : undefined;
    if (!uploadId || !upload) {
      logger.warn('object without an announced upload', { key });
      continue;
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: record.s3.bucket.name, Key: key }));
    const size = head.ContentLength ?? record.s3.object.size;
    const problem = arrivalProblem(upload, { size, contentType: head.ContentType });
    await dynamoUploadStore.settle(uploadId, {
      status: problem ? 'rejected' : 'stored',
      size,
      storedAt: new Date().toISOString(),
      rejectedReason: problem,
    });
    logger.info('upload settled', { uploadId, status: problem ? 'rejected' : 'stored' });
  }
};

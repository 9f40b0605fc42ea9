/**
 * The raw content of submissions in the evidence bucket: uploaded files stay there as evidence
 * (`submissions/<county>/<department>/<submissionId>`), JSON batches are stored before the intake
 * runs (`submission-batches/<county>/<department>/<submissionId>.json`) so both channels are read
 * the same way by the state machine.
 */
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { RawContent } from '../usecases/intake/ports.ts';

const BatchFile = z.array(z.unknown());

export const s3RawContent = (client: S3Client, bucket: () => string): RawContent => ({
  async file(key) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    if (!object.Body) throw new Error('submission file has no body');
    return object.Body as Readable;
  },
  async size(key) {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
      return head.ContentLength;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  },
  async batch(key) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    const text = (await object.Body?.transformToString('utf8')) ?? '[]';
    return BatchFile.parse(JSON.parse(text));
  },
  async putBatch(key, rows) {
    await client.send(
      new PutObjectCommand({
        Bucket: bucket(),
        Key: key,
        Body: JSON.stringify(rows),
        ContentType: 'application/json',
      }),
    );
  },
});

/**
 * The LoadSubmission task, first step of every intake run (also a resumed one):
 * 1. a finished submission stays finished; 2. a file is checked as a whole before any row is
 * taken in — too large, not CSV/XLSX, empty, wrong columns → `refused` with the zh-CN reason and
 * nothing written; 3. its bytes are hashed (sha256, streamed) and the hash claimed for the
 * department: the same file sent before → `done` with `duplicateOf`, nothing written;
 * 4. otherwise the submission is `processing` and the rows are next.
 */
import { createHash } from 'node:crypto';
import { emptyCounts } from './decide-rows.ts';
import { FileRefused, REFUSAL } from '../../intake/file-refused.ts';
import { inspectReferralFile } from '../../intake/read-referral-file.ts';
import type { IntakeDeps, StoredSubmission } from './ports.ts';
import { yearOf } from './ingest-rows.ts';

export type LoadResult = { next: 'ingest' } | { next: 'finished' };

const sha256Of = async (stream: AsyncIterable<Uint8Array | string>): Promise<string> => {
  const hash = createHash('sha256');
  for await (const part of stream) hash.update(part);
  return hash.digest('hex');
};

/** The zh-CN reason the file is refused as a whole, or undefined when it can be taken in. */
const refusalOf = async (deps: IntakeDeps, key: string, maxBytes: number): Promise<string | undefined> => {
  const size = await deps.content.size(key);
  if (size === undefined) throw new Error('the submission file is not in the bucket');
  if (size > maxBytes) return REFUSAL.tooLarge(maxBytes);
  try {
    await inspectReferralFile(await deps.content.file(key), { maxBytes, sizeBytes: size });
    return undefined;
  } catch (error) {
    if (error instanceof FileRefused) return error.message;
    throw error;
  }
};

const checkFile = async (deps: IntakeDeps, sub: StoredSubmission, at: string): Promise<LoadResult> => {
  if (!sub.objectKey) throw new Error('file submission without an object key');
  const config = await deps.config(sub.countyCode, yearOf(sub.period));
  const refusal = await refusalOf(deps, sub.objectKey, config.referral.maxFileBytes);
  if (refusal) {
    await deps.submissions.finish(sub.submissionId, {
      status: 'refused',
      refusedReason: refusal,
      updatedAt: at,
    });
    return { next: 'finished' };
  }
  const contentHash = await sha256Of(await deps.content.file(sub.objectKey));
  const holder = await deps.submissions.claimHash(
    sub.countyCode,
    sub.department,
    contentHash,
    sub.submissionId,
  );
  if (holder !== sub.submissionId) {
    await deps.submissions.finish(sub.submissionId, {
      status: 'done',
      contentHash,
      duplicateOf: holder,
      counts: emptyCounts(),
      updatedAt: at,
    });
    return { next: 'finished' };
  }
  await deps.submissions.update(sub.submissionId, {
    status: 'processing',
    contentHash,
    heartbeatAt: at,
    updatedAt: at,
  });
  return { next: 'ingest' };
};

export const loadSubmission = async (
  deps: IntakeDeps,
  submissionId: string,
  now: () => Date = () => new Date(),
): Promise<LoadResult> => {
  const sub = await deps.submissions.get(submissionId);
  if (!sub) throw new Error('submission not found');
  if (sub.status === 'done' || sub.status === 'refused') return { next: 'finished' };
  const at = now().toISOString();
  if (sub.channel === 'file' && !sub.contentHash) return checkFile(deps, sub, at);
  await deps.submissions.update(submissionId, { status: 'processing', heartbeatAt: at, updatedAt: at });
  return { next: 'ingest' };
};

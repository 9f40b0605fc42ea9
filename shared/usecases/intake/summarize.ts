/**
 * The Summarize task: the submission's counts are the sum of its chunk checkpoints — never
 * incremented, so a chunk run twice is counted once — and the submission is done.
 */
import type { SubmissionCounts } from '../../domain/submission.ts';
import { emptyCounts } from './decide-rows.ts';
import type { IntakeDeps } from './ports.ts';

export const sumCounts = (parts: Iterable<SubmissionCounts>): SubmissionCounts => {
  const total = emptyCounts();
  for (const part of parts) {
    total.rows += part.rows;
    total.accepted += part.accepted;
    total.rejected += part.rejected;
    total.duplicates += part.duplicates;
    total.screenedOut += part.screenedOut;
  }
  return total;
};

export const summarize = async (
  deps: IntakeDeps,
  submissionId: string,
  now: () => Date = () => new Date(),
): Promise<SubmissionCounts> => {
  const sub = await deps.submissions.get(submissionId);
  if (!sub) throw new Error('submission not found');
  if (sub.status === 'done' || sub.status === 'refused') return sub.counts ?? emptyCounts();
  const counts = sumCounts((await deps.submissions.chunks(submissionId)).values());
  await deps.submissions.finish(submissionId, { status: 'done', counts, updatedAt: now().toISOString() });
  return counts;
};

/**
 * The IngestRows task: read the submission's rows (stored batch or file, streamed) in chunks of
 * CHUNK_ROWS, skip the chunks already checkpointed, ingest the others in order — chunk n+1 is read
 * and decided while chunk n is written, then chunk n's checkpoint follows its writes — and stop
 * early — `{ done: false }` — when the time left is short, so the state machine loops back and the
 * next invocation carries on from the checkpoints.
 */
import { FileRefused } from '../../intake/file-refused.ts';
import { decideChunkOf, memoryOf, writeChunk, type ChunkMemory } from './ingest-chunk.ts';
import type { CheckedRow, SubmissionRef } from './decide-rows.ts';
import type { IntakeDeps, StoredSubmission } from './ports.ts';
import { batchRowSource, fileRowSource, type RowSource } from './row-source.ts';

export const CHUNK_ROWS = 500;

export interface IngestBudget {
  /** Milliseconds left before the function times out. */
  readonly remainingMs: () => number;
  /** Stop starting chunks when less than this is left. */
  readonly reserveMs: number;
}

export type IngestResult = { done: true; refused?: boolean } | { done: false; nextChunk: number };

export const yearOf = (period: string): number => Number(period.slice(0, 4));

export const rowSourceOf = async (
  deps: IntakeDeps,
  sub: StoredSubmission,
  maxBytes: number,
): Promise<RowSource> => {
  if (!sub.objectKey) throw new Error('submission has no stored content');
  if (sub.channel === 'api') return batchRowSource(await deps.content.batch(sub.objectKey));
  const size = await deps.content.size(sub.objectKey);
  return fileRowSource(await deps.content.file(sub.objectKey), maxBytes, size);
};

export const ingestRows = async (
  deps: IntakeDeps,
  submissionId: string,
  budget: IngestBudget,
  now: () => Date = () => new Date(),
): Promise<IngestResult> => {
  const sub = await deps.submissions.get(submissionId);
  if (!sub) throw new Error('submission not found');
  if (sub.status === 'done' || sub.status === 'refused') return { done: true };
  const config = await deps.config(sub.countyCode, yearOf(sub.period));
  const [villages, checkpoints, source] = await Promise.all([
    deps.rows.villages(sub.countyCode),
    deps.submissions.chunks(submissionId),
    rowSourceOf(deps, sub, config.referral.maxFileBytes),
  ]);
  const ref: SubmissionRef = { ...sub };
  const negatives = await deps.rows.negatives(sub.countyCode);
  let chunk = 0;
  let buffer: CheckedRow[] = [];
  let seenRows = 0;
  /** The previous chunk's writes and checkpoint, still in flight, and what it decided. */
  let inFlight: Promise<void> = Promise.resolve();
  let previous: ChunkMemory | undefined;
  const settle = async () => {
    await inFlight;
    inFlight = Promise.resolve();
  };
  const flush = async (): Promise<boolean> => {
    const rows = buffer;
    buffer = [];
    const current = chunk;
    chunk += 1;
    if (checkpoints.has(current) || rows.length === 0) {
      await settle();
      previous = undefined;
      return false;
    }
    const decision = await decideChunkOf(deps, ref, rows, {
      config,
      villages,
      villageField: source.villageField,
      chunk: current,
      negatives,
      ...(previous ? { previous } : {}),
    });
    await settle();
    previous = memoryOf(decision);
    inFlight = (async () => {
      await writeChunk(deps, decision);
      const at = now().toISOString();
      await Promise.all([
        deps.submissions.saveChunk(submissionId, current, decision.counts, at),
        deps.submissions.update(submissionId, { status: 'processing', heartbeatAt: at, updatedAt: at }),
      ]);
    })();
    // Awaited before the next chunk's writes; marked handled so a failure surfaces there, not as unhandled.
    inFlight.catch(() => undefined);
    if (budget.remainingMs() >= budget.reserveMs) return false;
    await settle();
    return true;
  };
  try {
    for await (const row of source.rows) {
      seenRows += 1;
      buffer.push(row);
      if (buffer.length === CHUNK_ROWS && (await flush())) return { done: false, nextChunk: chunk };
    }
  } catch (error) {
    if (!(error instanceof FileRefused) || seenRows > 0 || checkpoints.size > 0) throw error;
    const at = now().toISOString();
    await deps.submissions.finish(submissionId, {
      status: 'refused',
      refusedReason: error.message,
      updatedAt: at,
    });
    return { done: true, refused: true };
  }
  await flush();
  await settle();
  return { done: true };
};

/**
 * The IngestRows task: read the submission's rows (stored batch or file, streamed) in chunks of
 * CHUNK_ROWS, skip the chunks already checkpointed, ingest the others in order — each chunk's reads
 * (`readChunk`), decision (`decideReadChunk`, which also knows what the chunk before decided, its
 * writes not yet visible to these reads), then its writes and checkpoint — and stop early —
 * `{ done: false }` — when the time left is short, so the state machine loops back and the next
 * invocation carries on from the checkpoints.
 */
import { FileRefused } from '../../intake/file-refused.ts';
import { decideReadChunk, memoryOf, readChunk, writeChunk, type ChunkReads } from './ingest-chunk.ts';
import type { CheckedRow, ChunkDecision, SubmissionRef } from './decide-rows.ts';
import type { IntakeDeps, StoredSubmission } from './ports.ts';
import { batchRowSource, fileRowSource, type RowSource } from './row-source.ts';

export const CHUNK_ROWS = 1000;

export interface IngestBudget {
  /** Milliseconds left before the function times out. */
  readonly remainingMs: () => number;
  /** Stop starting chunks when less than this is left. */
  readonly reserveMs: number;
}

export type IngestResult = { done: true; refused?: boolean } | { done: false; nextChunk: number };

/** The rows in lists of `size` (the last one shorter). */
async function* chunksOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let list: T[] = [];
  for await (const item of items) {
    list.push(item);
    if (list.length === size) {
      yield list;
      list = [];
    }
  }
  if (list.length > 0) yield list;
}

/**
 * Resolves after the event loop's next turn. CPU work (parsing, deciding) that waits for it lets
 * the requests issued just before go out first: a chain of promises alone runs to its end before
 * any socket is written.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  let seenRows = 0;
  const counted = async function* () {
    for await (const row of source.rows) {
      seenRows += 1;
      yield row;
    }
  };
  const chunks = chunksOf(counted(), CHUNK_ROWS);
  const readOf = (chunk: number, rows: readonly CheckedRow[]) => {
    if (checkpoints.has(chunk)) return undefined;
    const reads = readChunk(deps, ref, rows, { villages, villageField: source.villageField, chunk });
    // Awaited by its decision; marked handled so a failure surfaces there, not as unhandled.
    reads.catch(() => undefined);
    return reads;
  };
  /** The last chunk's writes and checkpoint, still in flight. */
  let inFlight: Promise<void> = Promise.resolve();
  const writeAndCheckpoint = async (chunk: number, decision: ChunkDecision) => {
    await writeChunk(deps, decision);
    const at = now().toISOString();
    await Promise.all([
      deps.submissions.saveChunk(submissionId, chunk, decision.counts, at),
      deps.submissions.update(submissionId, { status: 'processing', heartbeatAt: at, updatedAt: at }),
    ]);
  };
  /** Decides a chunk once its reads are in, given what the chunk before it decided. */
  const decideAfter = (
    reads: Promise<ChunkReads> | undefined,
    previous: ChunkDecision | undefined,
  ): Promise<ChunkDecision | undefined> => {
    if (!reads) return Promise.resolve(undefined);
    const decided = reads.then(async (read) => {
      await nextTurn();
      return decideReadChunk(ref, read, {
        config,
        negatives,
        ...(previous ? { previous: memoryOf(previous) } : {}),
      });
    });
    // Awaited in the next turn; marked handled so a failure surfaces there, not as unhandled.
    decided.catch(() => undefined);
    return decided;
  };
  // The database is given one chunk's reads or one chunk's writes at a time, never both (on
  // DynamoDB Local reads beside writes slow both, and reads take both cores: PERFORMANCE.md). The
  // intake's own work runs while chunks are written: chunk n+1 is decided, and chunk n+2 parsed,
  // while chunk n is written. Chunk n+1's reads went out before chunk n was written, so its
  // decision takes chunk n's cases from what chunk n decided.
  try {
    let current = await chunks.next();
    let decided = current.done
      ? Promise.resolve(undefined)
      : decideAfter(readOf(0, current.value), undefined);
    for (let chunk = 0; !current.done; chunk += 1) {
      const parsing = nextTurn().then(() => chunks.next());
      parsing.catch(() => undefined);
      const decision = await decided;
      const following = await parsing;
      const stop = decision !== undefined && !following.done && budget.remainingMs() < budget.reserveMs;
      await inFlight;
      const reads = following.done || stop ? undefined : readOf(chunk + 1, following.value);
      await reads?.catch(() => undefined);
      if (decision) {
        inFlight = writeAndCheckpoint(chunk, decision);
        inFlight.catch(() => undefined);
      }
      decided = decideAfter(reads, decision);
      if (stop) {
        await inFlight;
        await chunks.return(undefined);
        return { done: false, nextChunk: chunk + 1 };
      }
      current = following;
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
  await inFlight;
  return { done: true };
};

/**
 * Task IngestRows: takes in chunks of rows from the checkpoints on, and answers `done: false`
 * when the time left is short so the state machine calls it again. Throws on failure.
 */
import type { Context } from 'aws-lambda';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { ingestRows } from '../../shared/usecases/intake/ingest-rows.ts';
import { logger } from '../../shared/log/logger.ts';
import { IntakeTaskInput } from '../../shared/usecases/intake/task-input.ts';

/** Time kept back for the chunk in progress and the checkpoint write. */
const RESERVE_MS = 90_000;

export const handler = async (event: unknown, context: Context) => {
  const { submissionId } = IntakeTaskInput.parse(event);
  const remainingMs = () => context.getRemainingTimeInMillis();
  const reserveMs = Math.min(RESERVE_MS, remainingMs() / 3);
  const result = await ingestRows(intakeDeps, submissionId, { remainingMs, reserveMs });
  logger.info('intake rows', { submissionId, ...result });
  return { submissionId, ...result };
};

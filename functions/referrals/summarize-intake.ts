/** Task Summarize: the counts from the chunk checkpoints; the submission is done. Throws on failure. */
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { summarize } from '../../shared/usecases/intake/summarize.ts';
import { IntakeTaskInput } from '../../shared/usecases/intake/task-input.ts';

export const handler = async (event: unknown) => {
  const { submissionId } = IntakeTaskInput.parse(event);
  const counts = await summarize(intakeDeps, submissionId);
  return { submissionId, counts };
};

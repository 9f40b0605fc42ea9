/** Task LoadSubmission: refuse, dedupe or open the submission for ingestion. Throws on failure. */
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { loadSubmission } from '../../shared/usecases/intake/load-submission.ts';
import { IntakeTaskInput } from '../../shared/usecases/intake/task-input.ts';

export const handler = async (event: unknown): Promise<{ submissionId: string; next: string }> => {
  const { submissionId } = IntakeTaskInput.parse(event);
  const result = await loadSubmission(intakeDeps, submissionId);
  return { submissionId, next: result.next };
};

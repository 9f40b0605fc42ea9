/** GET /submissions/{submissionId} — status and counts. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getSubmission } from '../../shared/contracts/submissions.ts';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { readableSubmission, submissionView } from '../../shared/usecases/intake/read-submissions.ts';

export const handler = apiHandler(getSubmission, async ({ identity, params }) => ({
  status: 200,
  body: submissionView(await readableSubmission(intakeDeps, identity, params.submissionId)),
}));

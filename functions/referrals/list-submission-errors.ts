/** GET /submissions/{submissionId}/errors — rejected rows: row number, field, zh-CN reason. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listSubmissionErrors } from '../../shared/contracts/submissions.ts';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { flattenErrors, readableSubmission } from '../../shared/usecases/intake/read-submissions.ts';

export const handler = apiHandler(listSubmissionErrors, async ({ identity, params, query }) => {
  await readableSubmission(intakeDeps, identity, params.submissionId);
  const page = await intakeDeps.submissions.errors(params.submissionId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    status: 200,
    body: { items: flattenErrors(page.items), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) },
  };
});

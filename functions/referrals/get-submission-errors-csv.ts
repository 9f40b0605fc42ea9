/** GET /submissions/{submissionId}/errors.csv — the rejected rows as a CSV for Excel. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getSubmissionErrorsCsv } from '../../shared/contracts/submissions.ts';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { allErrors, readableSubmission } from '../../shared/usecases/intake/read-submissions.ts';
import {
  ROW_ERRORS_CONTENT_TYPE,
  ROW_ERRORS_FILE_NAME,
  rowErrorsCsv,
} from '../../shared/intake/row-errors-file.ts';

export const handler = apiHandler(getSubmissionErrorsCsv, async ({ identity, params }) => {
  await readableSubmission(intakeDeps, identity, params.submissionId);
  const rows = await allErrors(intakeDeps, params.submissionId);
  return {
    status: 200,
    file: {
      bytes: await rowErrorsCsv(rows),
      contentType: ROW_ERRORS_CONTENT_TYPE,
      fileName: ROW_ERRORS_FILE_NAME,
    },
  };
});

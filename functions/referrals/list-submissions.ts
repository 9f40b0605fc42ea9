/** GET /submissions — a department's own submissions, or the county's. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listSubmissions } from '../../shared/contracts/submissions.ts';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { listReadable } from '../../shared/usecases/intake/read-submissions.ts';

export const handler = apiHandler(listSubmissions, async ({ identity, query }) => ({
  status: 200,
  body: await listReadable(
    intakeDeps,
    identity,
    { ...(query.department ? { department: query.department } : {}) },
    { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
  ),
}));

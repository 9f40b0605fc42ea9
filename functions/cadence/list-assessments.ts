/** GET /cadence/assessments — the quarters whose assessment list is kept, counts of the caller's region. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listAssessments } from '../../shared/contracts/cadence.ts';
import { listPeriods } from '../../shared/usecases/cadence/read-lists.ts';
import { cadenceDeps as deps } from './deps.ts';

export const handler = apiHandler(listAssessments, async ({ identity }) => ({
  status: 200,
  body: { items: await listPeriods(deps, identity, 'assessment') },
}));

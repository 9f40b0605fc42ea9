/** GET /cadence/comparisons — the months whose data-comparison list is kept, counts of the caller's region. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { listComparisons } from '../../shared/contracts/cadence.ts';
import { listPeriods } from '../../shared/usecases/cadence/read-lists.ts';
import { cadenceDeps as deps } from './deps.ts';

export const handler = apiHandler(listComparisons, async ({ identity }) => ({
  status: 200,
  body: { items: await listPeriods(deps, identity, 'comparison') },
}));

/** GET /cadence/comparisons/{month} — the month's list in the caller's region, paged, masked. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getComparison } from '../../shared/contracts/cadence.ts';
import { readEntries } from '../../shared/usecases/cadence/read-lists.ts';
import { cadenceDeps as deps } from './deps.ts';

export const handler = apiHandler(getComparison, async ({ identity, params, query }) => ({
  status: 200,
  body: await readEntries(
    deps,
    identity,
    'comparison',
    params.month,
    {
      ...(query.regionCode ? { regionCode: query.regionCode } : {}),
      ...(query.list ? { equals: { attribute: 'list', value: query.list } } : {}),
    },
    { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
  ),
}));

/** GET /cadence/assessments/{quarter} — the quarter's list in the caller's region, paged, masked. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getAssessment } from '../../shared/contracts/cadence.ts';
import { readEntries } from '../../shared/usecases/cadence/read-lists.ts';
import { cadenceDeps as deps } from './deps.ts';

export const handler = apiHandler(getAssessment, async ({ identity, params, query }) => ({
  status: 200,
  body: await readEntries(
    deps,
    identity,
    'assessment',
    params.quarter,
    {
      ...(query.regionCode ? { regionCode: query.regionCode } : {}),
      ...(query.effect ? { equals: { attribute: 'effect', value: query.effect } } : {}),
    },
    { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
  ),
}));

/** POST /cadence/assessments/{quarter}/run — county staff: build the quarter's list again (202, in the background). */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { runAssessment } from '../../shared/contracts/cadence.ts';
import { requestRun } from '../../shared/usecases/cadence/request-run.ts';
import { cadenceDeps as deps } from './deps.ts';

export const handler = apiHandler(runAssessment, async ({ identity, params, now }) => ({
  status: 202,
  body: await requestRun(deps, identity, 'assessment', params.quarter, now),
}));

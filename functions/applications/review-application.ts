import { apiHandler } from '../../shared/http/api-handler.ts';
import { reviewApplication } from '../../shared/contracts/applications.ts';
import { reviewApplication as review } from '../../shared/usecases/applications/steps.ts';
import { applicationDeps } from './deps.ts';

export const handler = apiHandler(reviewApplication, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await review(applicationDeps, { identity, now, requestId }, params.applicationId, body),
}));

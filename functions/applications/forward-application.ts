import { apiHandler } from '../../shared/http/api-handler.ts';
import { forwardApplication } from '../../shared/contracts/applications.ts';
import { forwardApplication as forward } from '../../shared/usecases/applications/forward-application.ts';
import { applicationDeps } from './deps.ts';

export const handler = apiHandler(forwardApplication, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await forward(applicationDeps, { identity, now, requestId }, params.applicationId, body),
}));

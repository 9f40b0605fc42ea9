import { apiHandler } from '../../shared/http/api-handler.ts';
import { createApplication } from '../../shared/contracts/applications.ts';
import { createApplication as create } from '../../shared/usecases/applications/create-application.ts';
import { applicationDeps } from './deps.ts';

export const handler = apiHandler(createApplication, async ({ identity, body, now, requestId }) => ({
  status: 201,
  body: await create(applicationDeps, { identity, now, requestId }, body),
}));

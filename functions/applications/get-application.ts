import { apiHandler } from '../../shared/http/api-handler.ts';
import { getApplication } from '../../shared/contracts/applications.ts';
import { loadApplicationInScope } from '../../shared/usecases/applications/steps.ts';
import { applicationDeps } from './deps.ts';

export const handler = apiHandler(getApplication, async ({ identity, params }) => ({
  status: 200,
  body: await loadApplicationInScope(applicationDeps, identity, params.applicationId),
}));

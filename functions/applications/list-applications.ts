import { apiHandler } from '../../shared/http/api-handler.ts';
import { listApplications } from '../../shared/contracts/applications.ts';
import { listApplications as list } from '../../shared/usecases/applications/steps.ts';
import { applicationDeps } from './deps.ts';

export const handler = apiHandler(listApplications, async ({ identity, query }) => {
  const { limit, cursor, ...filter } = query;
  return { status: 200, body: await list(applicationDeps, identity, filter, { limit, cursor }) };
});

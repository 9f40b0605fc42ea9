import { apiHandler } from '../../shared/http/api-handler.ts';
import { openIdentification } from '../../shared/contracts/monitoring.ts';
import { openIdentification as open } from '../../shared/usecases/monitoring/open-identification.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(openIdentification, async ({ identity, body, now, requestId }) => ({
  status: 201,
  body: await open(deps, { identity, now, requestId }, body),
}));

import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordDeliberation } from '../../shared/contracts/deliberations.ts';
import { recordDeliberation as record } from '../../shared/usecases/deliberations/record-deliberation.ts';
import { deliberationDeps } from './deps.ts';

export const handler = apiHandler(recordDeliberation, async ({ identity, body, now, requestId }) => {
  const { deliberation, created } = await record(deliberationDeps, { identity, now, requestId }, body);
  return { status: created ? 201 : 200, body: deliberation };
});

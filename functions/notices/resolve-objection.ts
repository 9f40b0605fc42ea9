import { apiHandler } from '../../shared/http/api-handler.ts';
import { resolveObjection } from '../../shared/contracts/notices.ts';
import { resolveObjection as resolve } from '../../shared/usecases/notices/objections.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(resolveObjection, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await resolve(noticeDeps, { identity, now, requestId }, params, body),
}));

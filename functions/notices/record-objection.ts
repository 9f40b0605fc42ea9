import { apiHandler } from '../../shared/http/api-handler.ts';
import { recordObjection } from '../../shared/contracts/notices.ts';
import { recordObjection as record } from '../../shared/usecases/notices/objections.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(recordObjection, async ({ identity, params, body, now, requestId }) => {
  const { objection, created } = await record(
    noticeDeps,
    { identity, now, requestId },
    params.noticeId,
    body,
  );
  return { status: created ? 201 : 200, body: objection };
});

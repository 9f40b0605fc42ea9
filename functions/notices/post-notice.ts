import { apiHandler } from '../../shared/http/api-handler.ts';
import { postNotice } from '../../shared/contracts/notices.ts';
import { postNotice as post } from '../../shared/usecases/notices/post-notice.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(postNotice, async ({ identity, body, now, requestId }) => {
  const { notice, created } = await post(noticeDeps, { identity, now, requestId }, body);
  return { status: created ? 201 : 200, body: notice };
});

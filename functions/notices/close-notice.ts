import { apiHandler } from '../../shared/http/api-handler.ts';
import { closeNotice } from '../../shared/contracts/notices.ts';
import { closeNoticeByHand } from '../../shared/usecases/notices/close-notices.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(closeNotice, async ({ identity, params, now, requestId }) => ({
  status: 200,
  body: await closeNoticeByHand(noticeDeps, { identity, now, requestId }, params.noticeId),
}));

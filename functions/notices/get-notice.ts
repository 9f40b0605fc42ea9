import { apiHandler } from '../../shared/http/api-handler.ts';
import { getNotice } from '../../shared/contracts/notices.ts';
import { getNoticeDetail } from '../../shared/usecases/notices/read-notices.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(getNotice, async ({ identity, params }) => ({
  status: 200,
  body: await getNoticeDetail(noticeDeps.notices, identity, params.noticeId),
}));

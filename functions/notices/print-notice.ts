import { apiHandler } from '../../shared/http/api-handler.ts';
import { printNotice } from '../../shared/contracts/notices.ts';
import { printNotice as print } from '../../shared/usecases/notices/read-notices.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(printNotice, async ({ identity, params }) => ({
  status: 200,
  file: {
    bytes: await print(noticeDeps, identity, params.noticeId),
    contentType: 'text/html; charset=utf-8',
  },
}));

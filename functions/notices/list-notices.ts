import { apiHandler } from '../../shared/http/api-handler.ts';
import { listNotices } from '../../shared/contracts/notices.ts';
import { listNotices as list } from '../../shared/usecases/notices/read-notices.ts';
import { noticeDeps } from './deps.ts';

export const handler = apiHandler(listNotices, async ({ identity, query }) => {
  const { limit, cursor, ...filter } = query;
  return { status: 200, body: await list(noticeDeps.notices, identity, filter, { limit, cursor }) };
});

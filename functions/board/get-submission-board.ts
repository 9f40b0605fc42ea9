import { apiHandler } from '../../shared/http/api-handler.ts';
import { getSubmissionBoard } from '../../shared/contracts/board.ts';
import { dynamoBoardStore } from '../../shared/adapters/board-store.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { getBoard } from '../../shared/usecases/board/get-board.ts';
import { shanghaiMonth } from '../../shared/domain/shanghai-time.ts';

/** The board of the caller's county for a due month (default: this month, Asia/Shanghai). */
export const handler = apiHandler(getSubmissionBoard, async ({ identity, query, now }) => {
  const month = query.month ?? shanghaiMonth(now);
  return {
    status: 200,
    body: await getBoard({ boardStore: dynamoBoardStore, configStore }, identity, month, now),
  };
});

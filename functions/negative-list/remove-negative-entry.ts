import { apiHandler } from '../../shared/http/api-handler.ts';
import { removeNegativeEntry } from '../../shared/contracts/negative-list.ts';
import { removeNegativeEntry as remove } from '../../shared/usecases/fund-cases/negative-list.ts';
import { negativeListDeps } from '../fund-cases/deps.ts';

export const handler = apiHandler(removeNegativeEntry, async ({ identity, body, now, requestId }) => {
  await remove(negativeListDeps, { identity, now, requestId }, body);
  return { status: 204, body: undefined };
});

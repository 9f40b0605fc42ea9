import { apiHandler } from '../../shared/http/api-handler.ts';
import { addNegativeEntry } from '../../shared/contracts/negative-list.ts';
import { addNegativeEntry as add } from '../../shared/usecases/fund-cases/negative-list.ts';
import { negativeListDeps } from '../fund-cases/deps.ts';

export const handler = apiHandler(addNegativeEntry, async ({ identity, body, now, requestId }) => {
  const { entry, created } = await add(negativeListDeps, { identity, now, requestId }, body);
  return { status: created ? 201 : 200, body: entry };
});

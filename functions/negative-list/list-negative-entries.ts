import { apiHandler } from '../../shared/http/api-handler.ts';
import { listNegativeEntries } from '../../shared/contracts/negative-list.ts';
import { listNegativeEntries as list } from '../../shared/usecases/fund-cases/negative-list.ts';
import { negativeListDeps } from '../fund-cases/deps.ts';

export const handler = apiHandler(listNegativeEntries, async ({ identity, query }) => ({
  status: 200,
  body: await list(negativeListDeps, { identity }, query),
}));

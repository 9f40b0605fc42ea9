import { apiHandler } from '../../shared/http/api-handler.ts';
import { getAlert as getAlertRoute } from '../../shared/contracts/alerts.ts';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { getAlert } from '../../shared/usecases/board/list-open-alerts.ts';

export const handler = apiHandler(getAlertRoute, async ({ identity, params }) => ({
  status: 200,
  body: await getAlert(dynamoAlertStore, identity, params.kind, params.key),
}));

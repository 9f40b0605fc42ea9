import { apiHandler } from '../../shared/http/api-handler.ts';
import { listAlerts } from '../../shared/contracts/alerts.ts';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { listOpenAlerts } from '../../shared/usecases/board/list-open-alerts.ts';

export const handler = apiHandler(listAlerts, async ({ identity, query }) => ({
  status: 200,
  body: await listOpenAlerts(dynamoAlertStore, identity, query),
}));

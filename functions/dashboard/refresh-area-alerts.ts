import { narrowRegion } from '../../shared/auth/authorize.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { refreshAreaAlerts } from '../../shared/contracts/dashboard.ts';
import { levelOf, townOf } from '../../shared/domain/region.ts';
import { syncAreaAlerts } from '../../shared/usecases/alerts/area-alerts.ts';
import { areaAlertDeps } from './deps.ts';

/** The county, or the town of the region asked for (a village is evaluated with its town). */
export const handler = apiHandler(refreshAreaAlerts, async ({ identity, body, now }) => {
  const region = narrowRegion(identity, body?.regionCode);
  const scopeCode = levelOf(region) === 'county' ? region : townOf(region);
  const result = await syncAreaAlerts(areaAlertDeps, scopeCode, now);
  return { status: 200, body: { ...result, scopeCode } };
});

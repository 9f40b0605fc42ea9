/**
 * After a county approval moved the area counters (identification, elimination, rollback, removal),
 * the household's town — its villages and itself — gets its `monitored_share_high` and
 * `blank_village` alerts re-evaluated (`shared/usecases/alerts/area-alerts.ts`). The decision is
 * already committed: a failed refresh is logged and never fails the request; the daily sweep
 * `area-alerts-sweep` repairs it. Accepted race: two approvals in one town at the same instant may
 * leave the alerts a step behind until the next approval there or the sweep.
 */
import { logger } from '../../log/logger.ts';
import type { MonitoringDeps } from './ports.ts';

export const refreshAreaAlertsAfterDecision = async (
  deps: MonitoringDeps,
  villageCode: string,
  now: Date,
): Promise<void> => {
  if (!deps.areaAlerts) return;
  try {
    await deps.areaAlerts.refresh(villageCode, now);
  } catch (error) {
    logger.error('area alerts refresh failed after a county approval; the daily sweep repairs it', {
      error: error as Error,
    });
  }
};

import { describe, expect, it } from 'vitest';
import { refreshAreaAlertsAfterDecision } from '../../../shared/usecases/monitoring/refresh-area-alerts.ts';
import type { MonitoringDeps } from '../../../shared/usecases/monitoring/ports.ts';

const NOW = new Date('2026-05-01T02:00:00.000Z');

describe('the area alerts refreshed after a county approval', () => {
  it('refreshes the village’s town at the decision’s time', async () => {
    const calls: [string, string][] = [];
    const deps = {
      areaAlerts: {
        refresh: async (villageCode: string, now: Date) => {
          calls.push([villageCode, now.toISOString()]);
        },
      },
    } as unknown as MonitoringDeps;
    await refreshAreaAlertsAfterDecision(deps, '420702100201', NOW);
    expect(calls).toEqual([['420702100201', '2026-05-01T02:00:00.000Z']]);
  });

  it('never fails the decision when the refresh fails (the daily sweep repairs it)', async () => {
    const deps = {
      areaAlerts: {
        refresh: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      },
    } as unknown as MonitoringDeps;
    await expect(refreshAreaAlertsAfterDecision(deps, '420702100201', NOW)).resolves.toBeUndefined();
  });

  it('does nothing where no refresher is wired (unit fakes)', async () => {
    await expect(
      refreshAreaAlertsAfterDecision({} as MonitoringDeps, '420702100201', NOW),
    ).resolves.toBeUndefined();
  });
});

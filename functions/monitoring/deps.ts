/** The monitoring handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { deliberationStore } from '../../shared/adapters/deliberation-store.ts';
import { householdFileStore } from '../../shared/adapters/household-file-store.ts';
import { monitoringStore } from '../../shared/adapters/monitoring-store.ts';
import { negativeListStore } from '../../shared/adapters/negative-list-store.ts';
import { noticeStore } from '../../shared/adapters/notice-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import { refreshAreaAlertsOf } from '../../shared/usecases/alerts/area-alerts.ts';
import type { MonitoringDeps } from '../../shared/usecases/monitoring/ports.ts';
import { areaAlertDeps } from '../dashboard/deps.ts';

export const monitoringDeps: MonitoringDeps = {
  monitoring: monitoringStore,
  households: registryDeps.households,
  audit: registryDeps.audit,
  uploads: dynamoUploadStore,
  negativeList: negativeListStore,
  deliberations: deliberationStore,
  notices: noticeStore,
  alerts: dynamoAlertStore,
  areaAlerts: { refresh: (villageCode, now) => refreshAreaAlertsOf(areaAlertDeps, villageCode, now) },
  files: householdFileStore,
  config: (countyCode, year) => configStore.get(countyCode, year),
  newId: randomUUID,
};

/** The campaign handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { campaignStore } from '../../shared/adapters/campaign-store.ts';
import { monitoringStore } from '../../shared/adapters/monitoring-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import type { CampaignDeps } from '../../shared/usecases/campaigns/ports.ts';
import type { ExportDeps } from '../../shared/usecases/national-export/collection-form.ts';

export const campaignDeps: CampaignDeps = {
  campaigns: campaignStore,
  households: registryDeps.households,
  monitoring: monitoringStore,
  alerts: dynamoAlertStore,
  audit: registryDeps.audit,
  regionNames: async (countyCode) =>
    new Map((await regionStore.listCounty(countyCode)).map((r) => [r.code, r.name] as const)),
  newId: randomUUID,
};

export const exportDeps: ExportDeps = {
  households: registryDeps.households,
  monitoring: monitoringStore,
  audit: registryDeps.audit,
  newId: randomUUID,
};

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

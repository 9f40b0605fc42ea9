/** What the campaign use cases need from the outside world; adapters implement it, tests may fake it. */
import type { AlertRefresher, AlertStore } from '../../adapters/alert-store.ts';
import type { CampaignStore } from '../../adapters/campaign-store.ts';
import type { MonitoringStore } from '../../adapters/monitoring-store.ts';
import type { AuditStore, HouseholdStore } from '../registry/ports.ts';

export interface CampaignDeps {
  readonly campaigns: CampaignStore;
  readonly households: Pick<HouseholdStore, 'get'>;
  readonly monitoring: Pick<MonitoringStore, 'household' | 'listProcedures'>;
  readonly alerts: Pick<AlertStore, 'raise' | 'clear'> & AlertRefresher;
  readonly audit: Pick<AuditStore, 'recordPersonalDataRead'>;
  /** Names of the county's regions by code. */
  readonly regionNames: (countyCode: string) => Promise<ReadonlyMap<string, string>>;
  readonly newId: () => string;
}

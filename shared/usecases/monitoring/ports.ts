/** What the monitoring use cases need; adapters in `shared/adapters/` (`functions/monitoring/deps.ts`). */
import type { Identity } from '../../auth/identity.ts';
import type { AlertStore } from '../../adapters/alert-store.ts';
import type { DeliberationStore } from '../../adapters/deliberation-store.ts';
import type { HouseholdFileStore } from '../../adapters/household-file-store.ts';
import type { MonitoringStore } from '../../adapters/monitoring-store.ts';
import type { NegativeListStore } from '../../adapters/negative-list-store.ts';
import type { NoticeStore } from '../../adapters/notice-store.ts';
import type { UploadStore } from '../../adapters/upload-store.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { AuditStore, HouseholdStore } from '../registry/ports.ts';

export interface MonitoringDeps {
  readonly monitoring: MonitoringStore;
  readonly households: Pick<HouseholdStore, 'get'>;
  /** Reads of full identity (a department's asset check) are recorded before the data is returned. */
  readonly audit: Pick<AuditStore, 'recordPersonalDataRead'>;
  readonly uploads: Pick<UploadStore, 'get'>;
  readonly negativeList: Pick<NegativeListStore, 'lookup'>;
  readonly deliberations: Pick<DeliberationStore, 'get'>;
  readonly notices: Pick<NoticeStore, 'get' | 'subjectOutcome'>;
  readonly alerts: Pick<AlertStore, 'raise' | 'clear'>;
  /** The area alerts of a village's town, re-evaluated after a decision moved the counters (optional in tests). */
  readonly areaAlerts?: { refresh(villageCode: string, now: Date): Promise<unknown> };
  readonly files: HouseholdFileStore;
  readonly config: (countyCode: string, year: number) => Promise<YearConfig>;
  readonly newId: () => string;
}

export interface Caller {
  readonly identity: Identity;
  readonly now: Date;
  readonly requestId?: string;
}

/** What the fund-case and negative-list use cases need; adapters in `shared/adapters/*-store.ts`. */
import type { Identity } from '../../auth/identity.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { NegativeListStore } from '../../adapters/negative-list-store.ts';
import type { MonitoringStatus } from '../../domain/monitoring/household-monitoring.ts';
import type { MonitoringCategory } from '../../domain/monitoring/risk.ts';

/** What dynamic monitoring holds of a household, as a fund case shows it. */
export interface HouseholdMonitoringFacts {
  readonly status?: MonitoringStatus;
  readonly category?: MonitoringCategory;
  readonly monitoredSince?: string;
  readonly openLeadId?: string;
  readonly openProcedureId?: string;
}

export interface FundCaseDeps {
  readonly cases: FundCaseStore;
  /** The household's monitoring side (one read of its monitoring partition). */
  readonly monitoringOf?: (householdId: string) => Promise<HouseholdMonitoringFacts>;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface NegativeListDeps {
  readonly negativeList: NegativeListStore;
  readonly newId: () => string;
}

export interface Caller {
  readonly identity: Identity;
  readonly now: Date;
  readonly requestId?: string;
}

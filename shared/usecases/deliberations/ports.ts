/** What the deliberation use cases need; adapters in `shared/adapters/`. */
import type { DeliberationStore } from '../../adapters/deliberation-store.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { UploadStore } from '../../adapters/upload-store.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { HouseholdStore } from '../registry/ports.ts';

export interface DeliberationDeps {
  readonly deliberations: DeliberationStore;
  readonly households: Pick<HouseholdStore, 'get'>;
  readonly cases: Pick<FundCaseStore, 'get'>;
  readonly uploads: Pick<UploadStore, 'get'>;
  readonly config: { get(countyCode: string, year: number): Promise<YearConfig> };
  readonly newId: () => string;
}

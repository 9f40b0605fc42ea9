/** What the application use cases need; adapters in `shared/adapters/`. */
import type { ApplicationStore } from '../../adapters/application-store.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { UploadStore } from '../../adapters/upload-store.ts';
import type { HouseholdStore } from '../registry/ports.ts';

export interface ApplicationDeps {
  readonly applications: ApplicationStore;
  readonly households: Pick<HouseholdStore, 'get'>;
  readonly uploads: Pick<UploadStore, 'get'>;
  readonly cases: Pick<FundCaseStore, 'get'>;
  readonly newId: () => string;
}

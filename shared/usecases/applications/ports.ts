/** What the application use cases need; adapters in `shared/adapters/`. */
import type { ApplicationStore } from '../../adapters/application-store.ts';
import type { UploadStore } from '../../adapters/upload-store.ts';
import type { HouseholdStore } from '../registry/ports.ts';

export interface ApplicationDeps {
  readonly applications: ApplicationStore;
  readonly households: Pick<HouseholdStore, 'get'>;
  readonly uploads: Pick<UploadStore, 'get'>;
  readonly newId: () => string;
}

/** The deliberation handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { configStore } from '../../shared/adapters/config-store.ts';
import { deliberationStore } from '../../shared/adapters/deliberation-store.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import type { DeliberationDeps } from '../../shared/usecases/deliberations/ports.ts';

export const deliberationDeps: DeliberationDeps = {
  deliberations: deliberationStore,
  households: registryDeps.households,
  cases: fundCaseStore,
  uploads: dynamoUploadStore,
  config: configStore,
  newId: randomUUID,
};

/** The application handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { applicationStore } from '../../shared/adapters/application-store.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import type { ApplicationDeps } from '../../shared/usecases/applications/ports.ts';

export const applicationDeps: ApplicationDeps = {
  applications: applicationStore,
  households: registryDeps.households,
  uploads: dynamoUploadStore,
  cases: fundCaseStore,
  newId: randomUUID,
};

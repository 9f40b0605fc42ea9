/** The verification handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import { verificationStore } from '../../shared/adapters/verification-store.ts';
import type { VerificationDeps } from '../../shared/usecases/verification/ports.ts';

export const verificationDeps: VerificationDeps = {
  cases: fundCaseStore,
  verification: verificationStore,
  uploads: dynamoUploadStore,
  households: registryDeps.households,
  config: configStore,
  alerts: dynamoAlertStore,
  newId: randomUUID,
};

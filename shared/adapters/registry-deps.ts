/** The registry use cases' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import type { RegistryDeps } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { dynamoAuditStore } from './audit-store.ts';
import { dynamoHouseholdStore } from './household-store.ts';

export const registryDeps: RegistryDeps = {
  households: dynamoHouseholdStore(dynamo, tableName),
  audit: dynamoAuditStore(dynamo, tableName.audit),
  now: () => new Date(),
  newId: randomUUID,
};

/** The intake use cases' dependencies on AWS: built once per Lambda container. */
import type { IntakeDeps } from '../usecases/intake/ports.ts';
import { bucketName, dynamo, s3, tableName } from './aws-clients.ts';
import { configStore } from './config-store.ts';
import { dynamoIntakeRowStore } from './intake-row-store.ts';
import { s3RawContent } from './intake-content.ts';
import { dynamoSubmissionStore } from './intake-store.ts';
import { clearMissingSubmissionAlert } from './alert-store.ts';

export const intakeDeps: IntakeDeps = {
  submissions: dynamoSubmissionStore(dynamo, tableName.main),
  rows: dynamoIntakeRowStore(dynamo, tableName.main, tableName.audit),
  content: s3RawContent(s3, bucketName.evidence),
  config: (countyCode, year) => configStore.get(countyCode, year),
  submissionReceived: async (countyCode, department, dueMonth, at) => {
    await clearMissingSubmissionAlert(countyCode, department, dueMonth, at);
  },
};

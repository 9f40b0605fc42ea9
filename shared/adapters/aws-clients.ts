/**
 * SDK clients at module scope, shared by every handler. They do not know where they run:
 * `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_S3` and `AWS_ENDPOINT_URL_SFN` point them at
 * the local stand-ins; on AWS they are unset.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBBulkJsonProtocol } from './dynamodb-protocol.ts';

// Bulk reads and writes are written natively (`dynamodb-protocol.ts`).
const dynamoClient = new DynamoDBClient({ protocol: DynamoDBBulkJsonProtocol });
// The SDK's logger middleware runs every request and response through its sensitive-data filter
// before it hands them to the logger, a no-op one included: about a tenth of the intake's CPU.
// Nothing here logs through the SDK (the platform's own logger redacts), so it goes.
dynamoClient.middlewareStack.remove('loggerMiddleware');

export const dynamo = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const s3 = new S3Client({
  forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

export const sfn = new SFNClient({});

const required = (name: string): string => {
  const value = process.env[name];
  if (!value)
    throw new Error(`environment variable ${name} is not set; is the resource granted in the declaration?`);
  return value;
};

/** Physical names, set by the grant in the declaration (CDK) or by the local runtime. */
export const tableName = {
  main: () => required('TABLE_MAIN'),
  audit: () => required('TABLE_AUDIT'),
};
export const bucketName = {
  evidence: () => required('BUCKET_EVIDENCE'),
};
export const stateMachineArn = (envVar: string): string => required(envVar);

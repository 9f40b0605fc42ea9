/**
 * Creates the declared tables (keys, GSIs, stream, TTL) and buckets when missing; idempotent,
 * so every start runs it. A GSI added to the declaration later is added to the table.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketDecl, TableDecl } from '../../shared/platform/declaration-types.ts';
import { physicalBucketName, physicalTableName } from './names.ts';
import { waitFor } from './net.ts';

const keySchema = (partitionKey: string, sortKey?: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' as const },
  ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' as const }] : []),
];

const gsiOf = (gsi: TableDecl['gsis'][number]): GlobalSecondaryIndex => ({
  IndexName: gsi.name,
  KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
  Projection: { ProjectionType: 'ALL' },
});

/** Every key attribute is a string in this platform's single-table design. */
const attributes = (table: TableDecl): AttributeDefinition[] => {
  const names = new Set([
    table.partitionKey,
    ...(table.sortKey ? [table.sortKey] : []),
    ...table.gsis.flatMap((g) => [g.partitionKey, ...(g.sortKey ? [g.sortKey] : [])]),
  ]);
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));
};

const describe = async (client: DynamoDBClient, name: string): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

const waitActive = (client: DynamoDBClient, name: string) =>
  waitFor(`table ${name} and its indexes to be ACTIVE`, async () => {
    const table = await describe(client, name);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
    return table?.TableStatus === 'ACTIVE' && indexesActive ? true : undefined;
  });

export const ensureTable = async (
  client: DynamoDBClient,
  table: TableDecl,
): Promise<'created' | 'exists'> => {
  const name = physicalTableName(table.name);
  const existing = await describe(client, name);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributes(table),
        KeySchema: keySchema(table.partitionKey, table.sortKey),
        ...(table.gsis.length > 0 ? { GlobalSecondaryIndexes: table.gsis.map(gsiOf) } : {}),
        ...(table.stream
          ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } }
          : {}),
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: name });
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    for (const gsi of table.gsis.filter((g) => !present.has(g.name))) {
      console.log(`DynamoDB: adding index ${gsi.name} to ${name}`);
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: attributes(table),
          GlobalSecondaryIndexUpdates: [{ Create: gsiOf(gsi) }],
        }),
      );
      await waitActive(client, name);
    }
  }
  await waitActive(client, name);
  if (table.ttlAttribute) {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
        }),
      );
    }
  }
  return existing ? 'exists' : 'created';
};

export const ensureTables = (client: DynamoDBClient, tables: readonly TableDecl[]) =>
  Promise.all(tables.map((table) => ensureTable(client, table)));

/** Browsers (the web console) PUT to presigned URLs: allow it locally. */
const LOCAL_CORS = {
  CORSRules: [
    {
      AllowedOrigins: ['*'],
      AllowedMethods: ['GET', 'PUT', 'HEAD'],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 600,
    },
  ],
};

export const ensureBucket = async (client: S3Client, bucket: BucketDecl): Promise<'created' | 'exists'> => {
  const name = physicalBucketName(bucket.name);
  try {
    await client.send(new HeadBucketCommand({ Bucket: name }));
    return 'exists';
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
  }
  await client.send(new CreateBucketCommand({ Bucket: name }));
  await client.send(new PutBucketCorsCommand({ Bucket: name, CORSConfiguration: LOCAL_CORS }));
  return 'created';
};

export const ensureBuckets = (client: S3Client, buckets: readonly BucketDecl[]) =>
  Promise.all(buckets.map((bucket) => ensureBucket(client, bucket)));

/**
 * A main table of a test's own, with the declared keys and indexes, in the test run's DynamoDB
 * Local: for what must not touch the shared table (the seed's once-only upgrades). Created in
 * `beforeAll`, deleted in `afterAll`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { physicalTableName } from '../../../infra/local/names.ts';
import { ensureTable } from '../../../infra/local/tables.ts';
import { declaration } from '../../../shared/platform/declaration.ts';
import { localEnv } from './api.ts';

export interface OwnMainTable {
  readonly table: string;
  readonly client: () => DynamoDBClient;
  readonly doc: () => DynamoDBDocumentClient;
}

export const ownMainTable = (prefix: string): OwnMainTable => {
  const logical = `${prefix}-${randomUUID().slice(0, 8)}`;
  const table = physicalTableName(logical);
  let client: DynamoDBClient | undefined;
  let doc: DynamoDBDocumentClient | undefined;
  beforeAll(async () => {
    client = new DynamoDBClient({
      endpoint: localEnv().dynamoEndpoint,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const main = declaration.tables.find((t) => t.name === 'main');
    if (!main) throw new Error('no main table declared');
    await ensureTable(client, { ...main, name: logical });
  });
  afterAll(async () => {
    await client?.send(new DeleteTableCommand({ TableName: table }));
  });
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the table is created in beforeAll');
    return value;
  };
  return { table, client: () => ready(client), doc: () => ready(doc) };
};

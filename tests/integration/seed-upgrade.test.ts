/**
 * A data directory seeded by an earlier version keeps its data across restarts; the seed
 * rewrites only items whose layout changed, and only while they still have the old one. Runs
 * on a table of its own in the test's DynamoDB Local, so the shared demo fund is not touched.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { demoItems, seedDemo } from '../../infra/local/seed.ts';
import { DEMO_FUND } from '../../infra/local/demo-county.ts';
import { localEnv } from './support/api.ts';

const table = `fpb-seed-upgrade-${randomUUID().slice(0, 8)}`;
const fundKey = { pk: `FUND#${DEMO_FUND.fundId}`, sk: 'FUND' };
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;

const fund = async () => (await doc.send(new GetCommand({ TableName: table, Key: fundKey }))).Item;

beforeAll(async () => {
  client = new DynamoDBClient({
    endpoint: localEnv().dynamoEndpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  doc = DynamoDBDocumentClient.from(client);
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
});

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: table }));
});

describe('the demo seed on a data directory of an earlier version', () => {
  it('seeds once, then rewrites a fund of the old layout and leaves one of the new layout alone', async () => {
    expect(await seedDemo(client, table)).toBe('seeded');
    expect(await fund()).toMatchObject({ depositsFen: DEMO_FUND.initialDepositFen, reservedFen: 0 });

    // The layout of the first version: a balance, no ledger figures.
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...fundKey,
          entity: 'fund',
          fundId: DEMO_FUND.fundId,
          balanceFen: DEMO_FUND.initialDepositFen,
        },
      }),
    );
    expect(await seedDemo(client, table)).toBe('present');
    expect(await fund()).toMatchObject({
      depositsFen: DEMO_FUND.initialDepositFen,
      reservedFen: 0,
      disbursedFen: 0,
      availableFen: DEMO_FUND.initialDepositFen,
    });

    // The opening ledger entry of the first version had no month: it gets one.
    const opening = demoItems().find((item) => item.entity === 'ledgerEntry') ?? {};
    const { month: _month, ...withoutMonth } = opening;
    await doc.send(new PutCommand({ TableName: table, Item: withoutMonth }));
    expect(await seedDemo(client, table)).toBe('present');
    const entry = await doc.send(
      new GetCommand({ TableName: table, Key: { pk: opening.pk, sk: opening.sk } }),
    );
    expect(entry.Item?.month).toBe('2026-01');

    // A fund of the new layout that has moved on stays as it is.
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: fundKey,
        UpdateExpression: 'SET reservedFen = :r, availableFen = :a',
        ExpressionAttributeValues: { ':r': 100_000, ':a': DEMO_FUND.initialDepositFen - 100_000 },
      }),
    );
    expect(await seedDemo(client, table)).toBe('present');
    expect(await fund()).toMatchObject({
      reservedFen: 100_000,
      availableFen: DEMO_FUND.initialDepositFen - 100_000,
    });
  });
});

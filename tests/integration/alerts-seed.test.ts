/**
 * A local data directory from before the village alert lists: at start-up the seed puts the open
 * village-scoped alerts on their village's list (gsi3) once (marker `SEED#demo/village-alerts-v1`).
 * Runs on a main table of its own (with the declared indexes), so the shared table is not touched.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { ALERTS_MARKER, seedDemo } from '../../infra/local/seed.ts';
import { physicalTableName } from '../../infra/local/names.ts';
import { ensureTable } from '../../infra/local/tables.ts';
import { alertItem } from '../../shared/adapters/alert-store.ts';
import { openAlert } from '../../shared/domain/alert.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import { localEnv } from './support/api.ts';

const logical = `seed-alerts-${randomUUID().slice(0, 8)}`;
const table = physicalTableName(logical);
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;

/** An open alert as written before the village lists: no gsi3 keys. */
const oldLayout = (key: string, scopeCode: string) => {
  const {
    gsi3pk: _pk,
    gsi3sk: _sk,
    ...item
  } = alertItem(
    openAlert({
      kind: 'procedure_overdue',
      key,
      scopeCode,
      raisedAt: '2026-05-01T00:00:00.000Z',
      title: '监测识别程序超时：入户核查',
      detail: '测试',
      links: [],
    }),
  );
  return item;
};

const villageList = async (villageCode: string) =>
  (
    await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': `ALERTVILLAGE#${villageCode}#open` },
      }),
    )
  ).Items ?? [];

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
  await client.send(new DeleteTableCommand({ TableName: table }));
});

describe('the demo seed on a data directory from before the village alert lists', () => {
  it('lists the open village alerts once, leaves town and county-wide ones alone', async () => {
    expect(await seedDemo(client, table)).toBe('seeded');
    expect((await doc.send(new GetCommand({ TableName: table, Key: ALERTS_MARKER }))).Item).toBeDefined();

    // An earlier version's data: two open alerts without the village list, no marker.
    await doc.send(new DeleteCommand({ TableName: table, Key: ALERTS_MARKER }));
    const village = oldLayout('p-village', '420702100201');
    const town = oldLayout('p-town', '420702100000');
    for (const item of [village, town]) await doc.send(new PutCommand({ TableName: table, Item: item }));
    expect(await villageList('420702100201')).toEqual([]);

    expect(await seedDemo(client, table)).toBe('present');
    expect((await villageList('420702100201')).map((i) => [i.sk, i.gsi3sk])).toEqual([
      ['procedure_overdue#p-village', '2026-05-01T00:00:00.000Z#procedure_overdue#p-village'],
    ]);
    const townItem = await doc.send(new GetCommand({ TableName: table, Key: { pk: town.pk, sk: town.sk } }));
    expect(townItem.Item?.gsi3pk).toBeUndefined();
    expect((await doc.send(new GetCommand({ TableName: table, Key: ALERTS_MARKER }))).Item).toBeDefined();
  });
});

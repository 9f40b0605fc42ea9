/**
 * A local data directory from before the village alert lists: at start-up the seed puts the open
 * village-scoped alerts on their village's list (gsi3) once (marker `SEED#demo/village-alerts-v1`).
 * Runs on a main table of its own (with the declared indexes), so the shared table is not touched.
 */
import { describe, expect, it } from 'vitest';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ALERTS_MARKER, seedDemo } from '../../infra/local/seed.ts';
import { alertItem } from '../../shared/adapters/alert-store.ts';
import { openAlert } from '../../shared/domain/alert.ts';
import { ownMainTable } from './support/own-main-table.ts';

const own = ownMainTable('seed-alerts');
const table = own.table;

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
    await own.doc().send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': `ALERTVILLAGE#${villageCode}#open` },
      }),
    )
  ).Items ?? [];

describe('the demo seed on a data directory from before the village alert lists', () => {
  it('lists the open village alerts once, leaves town and county-wide ones alone', async () => {
    expect(await seedDemo(own.client(), table)).toBe('seeded');
    expect(
      (await own.doc().send(new GetCommand({ TableName: table, Key: ALERTS_MARKER }))).Item,
    ).toBeDefined();

    // An earlier version's data: two open alerts without the village list, no marker.
    await own.doc().send(new DeleteCommand({ TableName: table, Key: ALERTS_MARKER }));
    const village = oldLayout('p-village', '420702100201');
    const town = oldLayout('p-town', '420702100000');
    for (const item of [village, town])
      await own.doc().send(new PutCommand({ TableName: table, Item: item }));
    expect(await villageList('420702100201')).toEqual([]);

    expect(await seedDemo(own.client(), table)).toBe('present');
    expect((await villageList('420702100201')).map((i) => [i.sk, i.gsi3sk])).toEqual([
      ['procedure_overdue#p-village', '2026-05-01T00:00:00.000Z#procedure_overdue#p-village'],
    ]);
    const townItem = await own
      .doc()
      .send(new GetCommand({ TableName: table, Key: { pk: town.pk, sk: town.sk } }));
    expect(townItem.Item?.gsi3pk).toBeUndefined();
    expect(
      (await own.doc().send(new GetCommand({ TableName: table, Key: ALERTS_MARKER }))).Item,
    ).toBeDefined();
  });
});

/**
 * A local data directory from before the area counters: the seed recounts every county once at
 * start-up (marker `SEED#demo/counts-v1`). Runs on a main table of its own (with the declared
 * indexes) in the test's DynamoDB Local, so the shared table's counters are not touched.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { COUNTS_MARKER, seedDemo } from '../../infra/local/seed.ts';
import { householdItem } from '../../shared/adapters/household-store.ts';
import { buildHousehold } from '../../shared/domain/household.ts';
import { HouseholdInput } from '../../shared/domain/household-schema.ts';
import { stateItem } from '../../shared/domain/monitoring/household-monitoring.ts';
import { fixedContext } from '../support/change-context.ts';
import { householdBody, memberBody, TAIHE_VILLAGE } from '../support/household-input.ts';
import { ownMainTable } from './support/own-main-table.ts';

const own = ownMainTable('seed-counts');
const table = own.table;
const COUNTY = '420702000000';

const counter = async () =>
  (
    await own
      .doc()
      .send(
        new GetCommand({ TableName: table, Key: { pk: `COUNTS#${COUNTY}`, sk: `VILLAGE#${TAIHE_VILLAGE}` } }),
      )
  ).Item;

describe('the demo seed on a data directory from before the area counters', () => {
  it('recounts the counties once, at start-up', async () => {
    expect(await seedDemo(own.client(), table)).toBe('seeded');
    expect(
      (await own.doc().send(new GetCommand({ TableName: table, Key: COUNTS_MARKER }))).Item,
    ).toBeDefined();

    // Households written by an earlier version: no counters; one of them monitored.
    const general = buildHousehold(HouseholdInput.parse(householdBody()), fixedContext());
    const monitored = buildHousehold(
      HouseholdInput.parse(
        householdBody({
          type: 'monitored',
          members: [memberBody({ relation: 'head' }), memberBody({ relation: 'son', name: '张小二' })],
        }),
      ),
      fixedContext(),
    );
    for (const h of [general, monitored])
      await own.doc().send(new PutCommand({ TableName: table, Item: householdItem(h) }));
    const at = '2026-03-01T02:00:00.000Z';
    await own.doc().send(
      new PutCommand({
        TableName: table,
        Item: stateItem({
          householdId: monitored.householdId,
          countyCode: monitored.countyCode,
          townCode: monitored.townCode,
          villageCode: monitored.villageCode,
          status: 'monitored',
          category: 'unstable_lifted',
          categoryReasons: ['户类型为脱贫户'],
          risks: ['illness'],
          monitoredSince: at,
          planId: randomUUID(),
          typeBefore: 'lifted',
          greenChannel: false,
          rollbacks: [],
          updatedAt: at,
          version: 1,
        }),
      }),
    );
    await own.doc().send(new DeleteCommand({ TableName: table, Key: COUNTS_MARKER }));

    expect(await seedDemo(own.client(), table)).toBe('present');
    expect(await counter()).toMatchObject({
      countyCode: COUNTY,
      villageCode: TAIHE_VILLAGE,
      households: 2,
      persons: 3 + 2,
      type_general: 1,
      type_monitored: 1,
      status_monitored: 1,
      status_monitored_persons: 2,
      category_unstable_lifted: 1,
      risk_illness: 1,
    });
    expect(
      (await own.doc().send(new GetCommand({ TableName: table, Key: COUNTS_MARKER }))).Item,
    ).toBeDefined();

    // Once: with the marker there, a later start leaves the counters alone.
    await own.doc().send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `COUNTS#${COUNTY}`, sk: `VILLAGE#${TAIHE_VILLAGE}` },
        UpdateExpression: 'ADD households :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    expect(await seedDemo(own.client(), table)).toBe('present');
    expect((await counter())?.households).toBe(3);
  });
});

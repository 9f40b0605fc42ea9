/**
 * The demo county, written once into a fresh main table (marker item `pk=SEED#demo`,
 * `sk=v1`, put with a condition so a second start — or a second process — does not seed
 * again). Key layouts:
 *
 * | item | pk | sk | GSI keys |
 * | --- | --- | --- | --- |
 * | region | `REGION#<code>` | `REGION` | gsi1 `REGIONS#<countyCode>` / `<code>`; counties also gsi2 `COUNTIES` / `<code>` |
 * | year configuration | `CONFIG#<countyCode>` | `YEAR#<year>` | — |
 * | fund | `FUND#<fundId>` | `FUND` | gsi1 `FUNDS#<countyCode>` / `<fundId>` (layout: `shared/domain/fund/ledger.ts`) |
 * | fund ledger entry | `FUND#<fundId>` | `LEDGER#<ISO time>#<entryId>` | — |
 * | user (no secrets) | `USER#<userId>` | `USER` | gsi1 `USERS#<countyCode>` / `<username>` |
 * | seed marker | `SEED#demo` | `v1` | — |
 * | area counters marker | `SEED#demo` | `counts-v1` | — |
 *
 * Regions use `regionItem` of the region store, so the seed and the handlers share one layout.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { indexVillageAlerts } from '../../shared/adapters/alert-store.ts';
import { dynamoAreaCountStore } from '../../shared/adapters/area-count-store.ts';
import { queryAll } from '../../shared/adapters/batch-io.ts';
import { regionItem } from '../../shared/adapters/region-store.ts';
import { recountAreas } from '../../shared/usecases/stats/recount-areas.ts';
import { fundItem, ledgerEntryItem } from '../../shared/domain/fund/ledger.ts';
import { DEMO_COUNTY, DEMO_FUND, DEMO_REGIONS, DEMO_USERS, DEMO_YEAR_CONFIG } from './demo-county.ts';

export const SEED_MARKER = { pk: 'SEED#demo', sk: 'v1' } as const;
/** The area counters are maintained from the start (fresh seed) or were recounted once (upgrade). */
export const COUNTS_MARKER = { pk: 'SEED#demo', sk: 'counts-v1' } as const;
/** Open village alerts are on their village's list from the start, or were put there once (upgrade). */
export const ALERTS_MARKER = { pk: 'SEED#demo', sk: 'village-alerts-v1' } as const;
/** 2026-01-01 00:00 in Asia/Shanghai: the fund's opening deposit (fixed, so a re-run writes the same key). */
const OPENING = '2025-12-31T16:00:00.000Z';
const SEED_ACTOR = 'seed';

export const demoItems = (): Record<string, unknown>[] => [
  ...DEMO_REGIONS.map((region) => regionItem(region)),
  {
    pk: `CONFIG#${DEMO_COUNTY}`,
    sk: `YEAR#${DEMO_YEAR_CONFIG.year}`,
    entity: 'yearConfig',
    countyCode: DEMO_COUNTY,
    ...DEMO_YEAR_CONFIG,
    updatedAt: OPENING,
    updatedBy: SEED_ACTOR,
  },
  fundItem({
    fundId: DEMO_FUND.fundId,
    name: DEMO_FUND.name,
    countyCode: DEMO_COUNTY,
    year: DEMO_YEAR_CONFIG.year,
    insurerContract: DEMO_FUND.insurerContract,
    depositsFen: DEMO_FUND.initialDepositFen,
    reservedFen: 0,
    disbursedFen: 0,
    availableFen: DEMO_FUND.initialDepositFen,
    createdAt: OPENING,
    updatedAt: OPENING,
  }),
  ledgerEntryItem({
    fundId: DEMO_FUND.fundId,
    entryId: 'deposit-initial',
    type: 'deposit',
    amountFen: DEMO_FUND.initialDepositFen,
    at: OPENING,
    month: '2026-01',
    by: SEED_ACTOR,
    note: '年初注资（演示数据）',
  }),
  ...DEMO_USERS.map((user) => ({
    pk: `USER#${user.userId}`,
    sk: 'USER',
    entity: 'user',
    userId: user.userId,
    username: user.username,
    role: user.role,
    displayName: user.displayName,
    countyCode: user.scope.countyCode,
    scope: user.scope,
    gsi1pk: `USERS#${user.scope.countyCode}`,
    gsi1sk: user.username,
  })),
];

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const batchPut = async (doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) => {
  for (const chunk of chunks(items, 25)) {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 10) throw new Error(`seed: ${requests.length} items stayed unprocessed`);
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  }
};

/** Seeds the demo county unless the marker says it is there; returns what it did. */
/**
 * Data directories seeded by an earlier version keep their data; items whose layout changed since
 * are rewritten once, each only while it still has the old layout (a conditional put): the demo
 * fund before its ledger figures (it had only `balanceFen`; no movement could have been recorded
 * against it) and its opening ledger entry before `month`.
 */
const UPGRADES: readonly { readonly entity: string; readonly newField: string }[] = [
  { entity: 'fund', newField: 'depositsFen' },
  { entity: 'ledgerEntry', newField: 'month' },
];

const upgradeSeeded = async (doc: DynamoDBDocumentClient, mainTable: string): Promise<void> => {
  for (const { entity, newField } of UPGRADES) {
    for (const item of demoItems().filter((i) => i.entity === entity)) {
      try {
        await doc.send(
          new PutCommand({
            TableName: mainTable,
            Item: item,
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#field)',
            ExpressionAttributeNames: { '#field': newField },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
};

/**
 * An upgrade of a data directory from before a change, done once for every county before the
 * runtime serves requests (nothing else writes then); its marker item says it was done.
 */
const onceForEveryCounty = async (
  doc: DynamoDBDocumentClient,
  mainTable: string,
  marker: { pk: string; sk: string },
  upgrade: (countyCode: string) => Promise<unknown>,
): Promise<void> => {
  const done = await doc.send(new GetCommand({ TableName: mainTable, Key: marker, ConsistentRead: true }));
  if (done.Item) return;
  const counties = await queryAll(doc, {
    TableName: mainTable,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': 'COUNTIES' },
  });
  for (const county of counties) await upgrade(String(county.code));
  await doc.send(new PutCommand({ TableName: mainTable, Item: { ...marker, entity: 'seed' } }));
};

/** Before the area counters: each county's counters recounted (see `recount-areas.ts`). */
const recountOnce = (doc: DynamoDBDocumentClient, mainTable: string): Promise<void> => {
  const store = dynamoAreaCountStore(doc, () => mainTable);
  return onceForEveryCounty(doc, mainTable, COUNTS_MARKER, (county) => recountAreas(store, county, 'apply'));
};

/** Before the village alert lists: each county's open village alerts listed. */
const indexAlertsOnce = (doc: DynamoDBDocumentClient, mainTable: string): Promise<void> =>
  onceForEveryCounty(doc, mainTable, ALERTS_MARKER, (county) => indexVillageAlerts(doc, mainTable, county));

export const seedDemo = async (client: DynamoDBClient, mainTable: string): Promise<'seeded' | 'present'> => {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const marker = await doc.send(
    new GetCommand({ TableName: mainTable, Key: SEED_MARKER, ConsistentRead: true }),
  );
  if (marker.Item) {
    await upgradeSeeded(doc, mainTable);
    await recountOnce(doc, mainTable);
    await indexAlertsOnce(doc, mainTable);
    return 'present';
  }
  const items = demoItems();
  await batchPut(doc, mainTable, [
    ...items,
    { ...COUNTS_MARKER, entity: 'seed' },
    { ...ALERTS_MARKER, entity: 'seed' },
  ]);
  try {
    await doc.send(
      new PutCommand({
        TableName: mainTable,
        Item: { ...SEED_MARKER, entity: 'seed', seededAt: new Date().toISOString(), items: items.length },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return 'seeded';
};

/**
 * Households in the main table (SPEC §2), one item per household with its members embedded:
 * - `pk=HH#<householdId>`, `sk=HH`, `version` for optimistic concurrency;
 * - list indexes, one per region level, sort key `HH#<type>#<createdAt>#<householdId>`:
 *   `gsi1pk=VILLAGE#<villageCode>`, `gsi2pk=TOWN#<townCode>`, `gsi3pk=COUNTY#<countyCode>`;
 * - resident-ID claims `pk=RID#<18-character ID>`, `sk=RID` {householdId, memberId, and the
 *   household's countyCode/townCode/villageCode so the intake finds where a person lives in one read}: one ID, one
 *   household. A claim is created with `attribute_not_exists(pk)` in the same transaction as the
 *   household, so the database itself refuses a second household with the same ID.
 * Every change writes its audit records (audit table) in that same transaction, and the area
 * counters (`area-count-store.ts`) it moves: a new household, a type change, members joining or
 * leaving. When active members change, the household's monitoring status decides whose persons
 * move, so its STATE is read and its status checked in the transaction.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Household } from '../domain/household-schema.ts';
import { claimIdOf, staleVersion } from '../domain/household.ts';
import { residentIdTaken } from '../domain/household-members.ts';
import { levelOf, type RegionLevel } from '../domain/region.ts';
import { Conflict, NotFound } from '../http/errors.ts';
import type {
  ClaimChange,
  HouseholdListQuery,
  HouseholdStore,
  HouseholdWrite,
  Page,
  PageRequest,
  RegistryChange,
} from '../usecases/registry/ports.ts';
import { countDelta, facetOf } from '../domain/area-counts.ts';
import { HouseholdMonitoring, stateKey } from '../domain/monitoring/household-monitoring.ts';
import { shanghaiMonth } from '../domain/shanghai-time.ts';
import { countUpdateItems, type VillageDelta } from './area-count-store.ts';
import { auditItem } from './audit-store.ts';
import { CONCURRENT_WRITE, transactWrite, type GuardedItem } from './transaction-errors.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { withoutKeys } from './item-keys.ts';

export interface Tables {
  readonly main: () => string;
  readonly audit: () => string;
}

export const householdKey = (householdId: string) => ({ pk: `HH#${householdId}`, sk: 'HH' });
const claimKey = (idNumber: string) => ({ pk: `RID#${claimIdOf({ idNumber })}`, sk: 'RID' });
/** The region table's key (`region-store.ts`): a village must exist before a household is created in it. */
const regionKey = (code: string) => ({ pk: `REGION#${code}`, sk: 'REGION' });

const INDEX: Readonly<Record<RegionLevel, { name: string; prefix: string }>> = {
  village: { name: 'gsi1', prefix: 'VILLAGE#' },
  town: { name: 'gsi2', prefix: 'TOWN#' },
  county: { name: 'gsi3', prefix: 'COUNTY#' },
};

const listSortKey = (h: Household) => `HH#${h.type}#${h.createdAt}#${h.householdId}`;

export const householdItem = (household: Household): Record<string, unknown> => ({
  ...householdKey(household.householdId),
  entity: 'household',
  ...household,
  gsi1pk: `${INDEX.village.prefix}${household.villageCode}`,
  gsi1sk: listSortKey(household),
  gsi2pk: `${INDEX.town.prefix}${household.townCode}`,
  gsi2sk: listSortKey(household),
  gsi3pk: `${INDEX.county.prefix}${household.countyCode}`,
  gsi3sk: listSortKey(household),
});

const toHousehold = (item: Record<string, unknown>): Household => withoutKeys(item) as Household;

const householdWrite = (table: string, write: HouseholdWrite): GuardedItem => {
  const Item = householdItem(write.household);
  if (write.expectedVersion === undefined)
    return {
      item: { Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: () => new Conflict('农户编号冲突，请重试'),
    };
  return {
    item: {
      Put: {
        TableName: table,
        Item,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': write.expectedVersion },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (old) => (old?.version?.N ? staleVersion(Number(old.version.N)) : new NotFound()),
  };
};

const claimMismatch = () =>
  new Conflict('证件号码的登记状态已变化，请刷新后重试', 'RESIDENT_ID_CLAIM_CHANGED');

/** Where a household is, carried on its members' claims (a household never changes village). */
export type ClaimPlace = Pick<Household, 'countyCode' | 'townCode' | 'villageCode'>;

const placeOf = (household: ClaimPlace | undefined): ClaimPlace | Record<string, never> =>
  household
    ? { countyCode: household.countyCode, townCode: household.townCode, villageCode: household.villageCode }
    : {};

/** A resident-ID claim item: the household and member holding the ID, and where the household is. */
export const residentClaimItem = (
  idNumber: string,
  householdId: string,
  memberId: string,
  place: ClaimPlace | undefined,
): Record<string, unknown> => ({
  ...claimKey(idNumber),
  entity: 'resident_claim',
  householdId,
  memberId,
  ...placeOf(place),
});

const claimWrite = (table: string, change: ClaimChange, place: ClaimPlace | undefined): GuardedItem => {
  const Key = claimKey(change.member.idNumber);
  switch (change.kind) {
    case 'claim':
      return {
        item: {
          Put: {
            TableName: table,
            Item: residentClaimItem(
              change.member.idNumber,
              change.householdId,
              change.member.memberId,
              place,
            ),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => residentIdTaken(change.member, 'elsewhere'),
      };
    case 'release':
      return {
        item: {
          Delete: {
            TableName: table,
            Key,
            ConditionExpression: 'attribute_not_exists(pk) OR householdId = :household',
            ExpressionAttributeValues: { ':household': change.householdId },
          },
        },
        onConditionFailed: claimMismatch,
      };
    case 'repoint':
      return {
        item: {
          Update: {
            TableName: table,
            Key,
            UpdateExpression: place
              ? 'SET entity = :entity, householdId = :to, memberId = :member, countyCode = :county, townCode = :town, villageCode = :village'
              : 'SET entity = :entity, householdId = :to, memberId = :member REMOVE countyCode, townCode, villageCode',
            ConditionExpression: 'attribute_not_exists(pk) OR householdId = :from',
            ExpressionAttributeValues: {
              ':entity': 'resident_claim',
              ':to': change.householdId,
              ':member': change.member.memberId,
              ':from': change.fromHouseholdId,
              ...(place
                ? { ':county': place.countyCode, ':town': place.townCode, ':village': place.villageCode }
                : {}),
            },
          },
        },
        onConditionFailed: claimMismatch,
      };
  }
};

/** The household's monitoring status, checked unchanged: its persons are counted under that status. */
const monitoringStatusCheck = (
  table: string,
  householdId: string,
  state: HouseholdMonitoring | undefined,
): GuardedItem => ({
  item: {
    ConditionCheck: {
      TableName: table,
      Key: stateKey(householdId),
      ...(state
        ? {
            ConditionExpression: '#status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': state.status },
          }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  },
  onConditionFailed: () => new Conflict('该户监测状态刚发生变化，请刷新后重试', CONCURRENT_WRITE),
});

/** The area-counter writes of a registry change (nothing for one that moves no counter). */
const countWrites = async (
  client: DynamoDBDocumentClient,
  table: string,
  writes: readonly HouseholdWrite[],
): Promise<GuardedItem[]> => {
  const deltas: VillageDelta[] = [];
  const guards: GuardedItem[] = [];
  const added: { villageCode: string; event: 'households_added' }[] = [];
  let month: string | undefined;
  for (const write of writes) {
    const after = write.household;
    if (!write.before) {
      deltas.push({ villageCode: after.villageCode, delta: countDelta(undefined, facetOf(after)) });
      added.push({ villageCode: after.villageCode, event: 'households_added' });
      month = shanghaiMonth(new Date(after.createdAt));
      continue;
    }
    const registryOnly = countDelta(facetOf(write.before), facetOf(after));
    if (Object.keys(registryOnly).length === 0) continue;
    let state: HouseholdMonitoring | undefined;
    if (registryOnly.persons !== undefined) {
      const found = await client.send(
        new GetCommand({ TableName: table, Key: stateKey(after.householdId), ConsistentRead: true }),
      );
      state = found.Item ? HouseholdMonitoring.parse(withoutKeys(found.Item)) : undefined;
      guards.push(monitoringStatusCheck(table, after.householdId, state));
    }
    deltas.push({
      villageCode: after.villageCode,
      delta: countDelta(facetOf(write.before, state), facetOf(after, state)),
    });
  }
  const updates = countUpdateItems(table, deltas, month ? { month, events: added } : undefined);
  return [...guards, ...updates.map((item) => ({ item }))];
};

export const dynamoHouseholdStore = (client: DynamoDBDocumentClient, tables: Tables): HouseholdStore => ({
  async get(householdId: string): Promise<Household | undefined> {
    const result = await client.send(
      new GetCommand({ TableName: tables.main(), Key: householdKey(householdId), ConsistentRead: true }),
    );
    return result.Item?.entity === 'household' ? toHousehold(result.Item) : undefined;
  },

  async list(query: HouseholdListQuery, page: PageRequest): Promise<Page<Household>> {
    const index = INDEX[levelOf(query.regionCode)];
    const partition = `${index.prefix}${query.regionCode}`;
    const prefix = query.type ? `HH#${query.type}#` : 'HH#';
    const pkName = `${index.name}pk`;
    const skName = `${index.name}sk`;
    const keyAttributes = ['pk', 'sk', pkName, skName];
    const result = await client.send(
      new QueryCommand({
        TableName: tables.main(),
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': pkName, '#sk': skName },
        ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ExclusiveStartKey: decodeCursor(page.cursor, {
          attributes: keyAttributes,
          equal: { [pkName]: partition, sk: 'HH' },
          startsWith: { [skName]: prefix, pk: 'HH#' },
        }),
      }),
    );
    const found = pageOf(result.Items ?? [], page.limit, keyAttributes);
    return { items: found.items.map(toHousehold), nextCursor: found.nextCursor };
  },

  async save(change: RegistryChange): Promise<void> {
    const main = tables.main();
    const audit = tables.audit();
    const village = change.village;
    const counts = await countWrites(client, main, change.households);
    await transactWrite(client, [
      ...(village
        ? [
            {
              item: {
                ConditionCheck: {
                  TableName: main,
                  Key: regionKey(village.code),
                  ConditionExpression: 'attribute_exists(pk) AND #level = :village',
                  ExpressionAttributeNames: { '#level': 'level' },
                  ExpressionAttributeValues: { ':village': 'village' },
                },
              },
              onConditionFailed: () => village.unknown,
            },
          ]
        : []),
      ...change.households.map((write) => householdWrite(main, write)),
      ...change.claims.map((claim) =>
        claimWrite(
          main,
          claim,
          change.households.find((w) => w.household.householdId === claim.householdId)?.household,
        ),
      ),
      ...change.audit.map((entry) => ({ item: { Put: { TableName: audit, Item: auditItem(entry) } } })),
      ...counts,
    ]);
  },
});

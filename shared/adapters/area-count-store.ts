/**
 * The maintained area counters in the main table (rules in `shared/domain/area-counts.ts`):
 * - `pk=COUNTS#<countyCode>`, `sk=VILLAGE#<villageCode>`: one item per village, numeric attributes
 *   (`households`, `persons`, `type_<t>`, `status_<s>`, `status_<s>_persons`, `category_<c>`,
 *   `risk_<r>`) moved with ADD in the same transaction as the change they count;
 * - `pk=COUNTS#<countyCode>`, `sk=MONTH#<YYYY-MM>#<villageCode>`: the month's trend events
 *   (Asia/Shanghai month), one attribute per event.
 * Both carry `countyCode`, `townCode`, `villageCode` (and `month`). A town's villages are one
 * Query with `begins_with(sk, 'VILLAGE#<9 digits>')`; nothing here scans.
 *
 * All of a county's counters share one partition: every registry or monitoring write of the county
 * touches it. That is far below a partition's 1,000 writes/s for a county's pace of work; two
 * transactions on the same village item at the same instant conflict and are tried again
 * (`transactWrite`), then answered 409 `CONCURRENT_WRITE`.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  countDelta,
  monthTrendOf,
  villageCountsOf,
  type MonthTrend,
  type TrendEvent,
  type VillageCounts,
} from '../domain/area-counts.ts';
import type { Household, HouseholdType } from '../domain/household-schema.ts';
import { HouseholdMonitoring, stateKey } from '../domain/monitoring/household-monitoring.ts';
import { countyOf, levelOf, prefixOf, townOf } from '../domain/region.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { batchGet, inParallel, queryAll } from './batch-io.ts';
import { withoutKeys } from './item-keys.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const countsPartition = (countyCode: string) => `COUNTS#${countyCode}`;
export const villageCountKey = (villageCode: string) => ({
  pk: countsPartition(countyOf(villageCode)),
  sk: `VILLAGE#${villageCode}`,
});
export const monthCountKey = (villageCode: string, month: string) => ({
  pk: countsPartition(countyOf(villageCode)),
  sk: `MONTH#${month}#${villageCode}`,
});

export interface VillageDelta {
  readonly villageCode: string;
  readonly delta: Readonly<Record<string, number>>;
}

export interface MonthEvents {
  readonly month: string;
  readonly events: readonly {
    readonly villageCode: string;
    readonly event: TrendEvent;
    readonly count?: number;
  }[];
}

const merge = (parts: readonly (readonly [string, Readonly<Record<string, number>>])[]) => {
  const out = new Map<string, Record<string, number>>();
  for (const [key, delta] of parts) {
    const into = out.get(key) ?? {};
    for (const [name, value] of Object.entries(delta)) into[name] = (into[name] ?? 0) + value;
    out.set(key, into);
  }
  return [...out]
    .map(
      ([key, delta]) => [key, Object.fromEntries(Object.entries(delta).filter(([, v]) => v !== 0))] as const,
    )
    .filter(([, delta]) => Object.keys(delta).length > 0);
};

const addUpdate = (
  table: string,
  key: { pk: string; sk: string },
  set: Readonly<Record<string, string>>,
  delta: Readonly<Record<string, number>>,
): TransactItem => {
  const setNames = Object.keys(set);
  const addNames = Object.keys(delta);
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `SET ${setNames.map((_, i) => `#s${i} = :s${i}`).join(', ')} ADD ${addNames
        .map((_, i) => `#a${i} :a${i}`)
        .join(', ')}`,
      ExpressionAttributeNames: {
        ...Object.fromEntries(setNames.map((name, i) => [`#s${i}`, name])),
        ...Object.fromEntries(addNames.map((name, i) => [`#a${i}`, name])),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(setNames.map((name, i) => [`:s${i}`, set[name]])),
        ...Object.fromEntries(addNames.map((name, i) => [`:a${i}`, delta[name]])),
      },
    },
  };
};

const placeOf = (villageCode: string) => ({
  countyCode: countyOf(villageCode),
  townCode: townOf(villageCode),
  villageCode,
});

/**
 * The counter updates a writer puts into its own transaction: one Update per village touched
 * (deltas of the same village merged) and one per village and month with events. Nothing for a
 * change that moves no counter. At most 2 items per village: keep the transaction under 100.
 */
export const countUpdateItems = (
  table: string,
  deltas: readonly VillageDelta[],
  month?: MonthEvents,
): TransactItem[] => [
  ...merge(deltas.map((d) => [d.villageCode, d.delta] as const)).map(([villageCode, delta]) =>
    addUpdate(
      table,
      villageCountKey(villageCode),
      { entity: 'village_counts', ...placeOf(villageCode) },
      delta,
    ),
  ),
  ...(month
    ? merge(month.events.map((e) => [e.villageCode, { [e.event]: e.count ?? 1 }] as const)).map(
        ([villageCode, delta]) =>
          addUpdate(
            table,
            monthCountKey(villageCode, month.month),
            { entity: 'month_counts', month: month.month, ...placeOf(villageCode) },
            delta,
          ),
      )
    : []),
];

/**
 * For the referral intake's per-chunk checkpoint: new households (no monitoring state) counted
 * per village, and `households_added` in `month` (Asia/Shanghai `YYYY-MM`).
 */
export const newHouseholdCountItems = (
  table: string,
  households: readonly {
    readonly villageCode: string;
    readonly type: HouseholdType;
    readonly persons: number;
  }[],
  month: string,
): TransactItem[] =>
  countUpdateItems(
    table,
    households.map((h) => ({
      villageCode: h.villageCode,
      delta: countDelta(undefined, { ...placeOf(h.villageCode), type: h.type, persons: h.persons }),
    })),
    {
      month,
      events: households.map((h) => ({ villageCode: h.villageCode, event: 'households_added' as const })),
    },
  );

/** The `VILLAGE#` sort-key prefix of a region: the county's villages, a town's, or one village. */
const villagePrefix = (within: string | undefined) =>
  !within || levelOf(within) === 'county' ? 'VILLAGE#' : `VILLAGE#${prefixOf(within)}`;

export interface AreaCountStore {
  /** The villages' counters under `within` (town or village code; the whole county without). One Query. */
  villages(countyCode: string, within?: string): Promise<VillageCounts[]>;
  /** Month trends from `fromMonth` to `toMonth` inclusive, per village under `within`. One Query. */
  months(countyCode: string, fromMonth: string, toMonth: string, within?: string): Promise<MonthTrend[]>;
  /** Recount only: the counters of the county's villages replaced by `counts` (absent villages deleted). */
  replaceVillages(
    countyCode: string,
    counts: ReadonlyMap<string, Readonly<Record<string, number>>>,
  ): Promise<void>;
  /** Recount only: the monitoring states of households, by household id. */
  monitoringStates(householdIds: readonly string[]): Promise<Map<string, HouseholdMonitoring>>;
  /** Recount only: the county's households, a page at a time, from the county index (gsi3). */
  countyHouseholds(countyCode: string): AsyncGenerator<CountedHousehold[]>;
}

/** What the recount reads of a household (projected from the county index). */
export type CountedHousehold = Pick<
  Household,
  'householdId' | 'countyCode' | 'townCode' | 'villageCode' | 'type' | 'members'
>;

export const dynamoAreaCountStore = (client: DynamoDBDocumentClient, main: () => string): AreaCountStore => {
  const villageItems = (countyCode: string, within?: string) =>
    queryAll(client, {
      TableName: main(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': countsPartition(countyCode), ':prefix': villagePrefix(within) },
    });
  return {
    async villages(countyCode, within) {
      return (await villageItems(countyCode, within)).map(villageCountsOf);
    },

    async months(countyCode, fromMonth, toMonth, within) {
      const items = await queryAll(client, {
        TableName: main(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': countsPartition(countyCode),
          ':from': `MONTH#${fromMonth}#`,
          ':to': `MONTH#${toMonth}#~`,
        },
      });
      const prefix = within && levelOf(within) !== 'county' ? prefixOf(within) : '';
      return items.map(monthTrendOf).filter((t) => t.villageCode.startsWith(prefix));
    },

    async replaceVillages(countyCode, counts) {
      const existing = await villageItems(countyCode);
      const stale = existing.map((i) => String(i.villageCode)).filter((code) => !counts.has(code));
      await inParallel([...counts], 4, async ([villageCode, values]) => {
        await client.send(
          new PutCommand({
            TableName: main(),
            Item: {
              ...villageCountKey(villageCode),
              entity: 'village_counts',
              ...placeOf(villageCode),
              ...values,
            },
          }),
        );
      });
      await inParallel(stale, 4, async (villageCode) => {
        await client.send(new DeleteCommand({ TableName: main(), Key: villageCountKey(villageCode) }));
      });
    },

    async *countyHouseholds(countyCode) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: main(),
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :hh)',
            ExpressionAttributeValues: { ':pk': `COUNTY#${countyCode}`, ':hh': 'HH#' },
            ExpressionAttributeNames: { '#type': 'type', '#members': 'members' },
            ProjectionExpression: 'householdId, countyCode, townCode, villageCode, #type, #members',
            ExclusiveStartKey: startKey,
          }),
        );
        yield (page.Items ?? []) as CountedHousehold[];
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    },

    async monitoringStates(householdIds) {
      const found = await batchGet(client, main(), householdIds.map(stateKey));
      return new Map(
        [...found.values()].map((item) => {
          const state = HouseholdMonitoring.parse(withoutKeys(item));
          return [state.householdId, state] as const;
        }),
      );
    },
  };
};

export const areaCountStore: AreaCountStore = dynamoAreaCountStore(dynamo, tableName.main);

/**
 * The cadence lists in the main table (layout in `shared/domain/cadence/list.ts`): a header per
 * county, kind and period (gsi1 `CADENCES#<county>#<KIND>` / `<period>` lists them) and entries under
 * `RUN#<runId>#<villageCode>#<entryKey>`. Publishing writes the run's entries first, then the header
 * (conditional: never over a run that started later), then deletes the entries of earlier runs — a
 * reader following the header never sees a half-written list.
 */
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  entryPrefix,
  entrySortKey,
  headerKey,
  ListHeader,
  listPartition,
  periodsPartition,
  type ListKind,
} from '../domain/cadence/list.ts';
import type { CadenceListStore, EntryQuery } from '../usecases/cadence/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { batchPut, inParallel, queryAll } from './batch-io.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { withoutKeys } from './item-keys.ts';

const WRITE_SIZE = 25;
const MAX_ATTEMPTS = 8;
const ENTRY_KEY = ['pk', 'sk'] as const;

const batchDelete = async (
  client: DynamoDBDocumentClient,
  table: string,
  keys: { pk: string; sk: string }[],
) => {
  const parts: (typeof keys)[] = [];
  for (let i = 0; i < keys.length; i += WRITE_SIZE) parts.push(keys.slice(i, i + WRITE_SIZE));
  await inParallel(parts, 4, async (part) => {
    let pending: unknown[] = part.map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS)
        throw new Error(`BatchWriteItem: ${pending.length} deletes left unprocessed`);
      if (attempt > 1) await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt));
      const result = await client.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
      );
      pending = result.UnprocessedItems?.[table] ?? [];
    }
  });
};

const keysBetween = async (
  client: DynamoDBDocumentClient,
  table: string,
  pk: string,
  from: string,
  to: string,
) =>
  (
    await queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      ProjectionExpression: 'pk, sk',
    })
  ).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));

const entryQueryInput = (table: string, query: EntryQuery) => {
  const pk = listPartition(query.kind, query.countyCode, query.period);
  const prefix = entryPrefix(query.runId, query.regionCode);
  return {
    pk,
    prefix,
    input: {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(query.equals
        ? {
            FilterExpression: '#attr = :value',
            ExpressionAttributeNames: { '#attr': query.equals.attribute },
          }
        : {}),
      ExpressionAttributeValues: {
        ':pk': pk,
        ':prefix': prefix,
        ...(query.equals ? { ':value': query.equals.value } : {}),
      },
    },
  };
};

export const dynamoCadenceListStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
): CadenceListStore => {
  const readHeader = async (kind: ListKind, countyCode: string, period: string) => {
    const found = await client.send(
      new GetCommand({ TableName: table(), Key: headerKey(kind, countyCode, period), ConsistentRead: true }),
    );
    return found.Item ? ListHeader.parse(withoutKeys(found.Item)) : undefined;
  };
  return {
    async publish(header, entries) {
      const t = table();
      const pk = listPartition(header.kind, header.countyCode, header.period);
      await batchPut(
        client,
        t,
        entries.map((e) => ({
          pk,
          sk: entrySortKey(header.runId, e.villageCode, e.entryKey),
          entity: 'cadence_entry',
          runId: header.runId,
          ...e.body,
        })),
      );
      try {
        await client.send(
          new PutCommand({
            TableName: t,
            Item: {
              ...headerKey(header.kind, header.countyCode, header.period),
              entity: 'cadence_header',
              ...header,
              gsi1pk: periodsPartition(header.kind, header.countyCode),
              gsi1sk: header.period,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR runId <= :runId',
            ExpressionAttributeValues: { ':runId': header.runId },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // A run that started later is already in force: this run's entries are not needed.
        await batchDelete(
          client,
          t,
          await keysBetween(client, t, pk, `RUN#${header.runId}#`, `RUN#${header.runId}#\uffff`),
        );
        const current = await readHeader(header.kind, header.countyCode, header.period);
        if (!current) throw new Error('cadence list header vanished after a newer run', { cause: error });
        return current;
      }
      await batchDelete(client, t, await keysBetween(client, t, pk, 'RUN#', `RUN#${header.runId}`));
      return header;
    },

    header: readHeader,

    async periods(kind: ListKind, countyCode: string) {
      const items = await queryAll(client, {
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': periodsPartition(kind, countyCode) },
        ScanIndexForward: false,
      });
      return items.map((item) => ListHeader.parse(withoutKeys(item)));
    },

    async entries(query, page) {
      const { pk, prefix, input } = entryQueryInput(table(), query);
      let startKey = decodeCursor(page.cursor, {
        attributes: ENTRY_KEY,
        equal: { pk },
        startsWith: { sk: prefix },
      }) as Record<string, unknown> | undefined;
      const items: Record<string, unknown>[] = [];
      do {
        const result = await client.send(
          new QueryCommand({ ...input, Limit: page.limit + 1, ExclusiveStartKey: startKey }),
        );
        items.push(...(result.Items ?? []));
        startKey = result.LastEvaluatedKey;
      } while (startKey && items.length <= page.limit);
      const shown = items.slice(0, page.limit);
      const last = shown[shown.length - 1];
      const more = items.length > page.limit || (startKey !== undefined && last !== undefined);
      return {
        items: shown.map(withoutKeys),
        ...(more && last ? { nextCursor: encodeCursor({ pk: last.pk, sk: last.sk }) } : {}),
      };
    },

    async allEntries(query) {
      const { input } = entryQueryInput(table(), query);
      return (await queryAll(client, input)).map(withoutKeys);
    },
  };
};

export const cadenceListStore: CadenceListStore = dynamoCadenceListStore(dynamo, tableName.main);

/**
 * The negative list in the main table: `pk=NEG#<18-char id>`, `sk=NEG`, with the county on the item
 * and `gsi1pk=NEG#<county>`, `gsi1sk=<createdAt>#<id>` to list a county's entries. Additions and
 * removals are written with their audit record in one transaction (the audit table keeps history).
 */
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { NegativeEntry, negativeItem, negativeKey } from '../domain/negative-list.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { transactWrite } from './transaction-errors.ts';

const BATCH_GET_MAX = 100;
const UNPROCESSED_ATTEMPTS = 8;
const LIST_KEY = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type NegativeHit = { reason: string; reasonLabel: string };

export interface NegativeListStore {
  /** The entries of these resident IDs (keys: the 18-char upper-case ID); absent IDs are not listed. */
  lookup(residentIds: string[]): Promise<Map<string, NegativeHit>>;
  get(residentId: string): Promise<NegativeEntry | undefined>;
  list(countyCode: string, page: PageRequest): Promise<Page<NegativeEntry>>;
  /** Puts the entry unless the ID is on the list already (then answers the stored one). */
  add(
    entry: NegativeEntry,
    audit: Record<string, unknown>[],
  ): Promise<{ entry: NegativeEntry; created: boolean }>;
  remove(residentId: string, audit: Record<string, unknown>[]): Promise<boolean>;
}

const toEntry = (item: Record<string, unknown>): NegativeEntry => NegativeEntry.parse(item);

export const dynamoNegativeListStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): NegativeListStore => {
  const get = async (residentId: string) => {
    const found = await client.send(new GetCommand({ TableName: table(), Key: negativeKey(residentId) }));
    return found.Item ? toEntry(found.Item) : undefined;
  };
  return {
    async lookup(residentIds) {
      const hits = new Map<string, NegativeHit>();
      const ids = [...new Set(residentIds.map((id) => id.slice(0, 18).toUpperCase()))];
      for (let start = 0; start < ids.length; start += BATCH_GET_MAX) {
        let keys: Record<string, unknown>[] = ids.slice(start, start + BATCH_GET_MAX).map(negativeKey);
        for (let attempt = 0; keys.length > 0; attempt += 1) {
          if (attempt >= UNPROCESSED_ATTEMPTS) throw new Error('negative list lookup: keys left unprocessed');
          if (attempt > 0) await pause(Math.random() * 20 * 2 ** attempt);
          const name = table();
          const result = await client.send(
            new BatchGetCommand({
              RequestItems: {
                [name]: { Keys: keys, ProjectionExpression: 'residentId, reason, reasonLabel' },
              },
            }),
          );
          for (const item of result.Responses?.[name] ?? []) {
            const id = String(item.residentId).slice(0, 18).toUpperCase();
            hits.set(id, { reason: String(item.reason), reasonLabel: String(item.reasonLabel) });
          }
          keys = result.UnprocessedKeys?.[name]?.Keys ?? [];
        }
      }
      return hits;
    },

    get,

    async list(countyCode, page) {
      const gsi1pk = `NEG#${countyCode}`;
      const result = await client.send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': gsi1pk },
          ScanIndexForward: false,
          Limit: page.limit + 1,
          ExclusiveStartKey: decodeCursor(page.cursor, { attributes: LIST_KEY, equal: { gsi1pk } }),
        }),
      );
      const found = pageOf(result.Items ?? [], page.limit, LIST_KEY);
      return { items: found.items.map(toEntry), nextCursor: found.nextCursor };
    },

    async add(entry, audit) {
      const existing = await get(entry.residentId);
      if (existing) return { entry: existing, created: false };
      try {
        await transactWrite(client, [
          {
            item: {
              Put: {
                TableName: table(),
                Item: negativeItem(entry),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          },
          ...audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
        ]);
        return { entry, created: true };
      } catch (error) {
        const now = await get(entry.residentId);
        if (now) return { entry: now, created: false };
        throw error;
      }
    },

    async remove(residentId, audit) {
      const existing = await get(residentId);
      if (!existing) return false;
      await transactWrite(client, [
        {
          item: {
            Delete: {
              TableName: table(),
              Key: negativeKey(residentId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        },
        ...audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
      ]);
      return true;
    },
  };
};

/** The store on the handlers' table. */
export const negativeListStore: NegativeListStore = dynamoNegativeListStore(
  dynamo,
  tableName.main,
  tableName.audit,
);

/**
 * BatchGetItem and BatchWriteItem over any number of keys or items: split into requests of the
 * service's maximum size, a few in flight at once, unprocessed keys and items sent again with
 * backoff until none are left (or the attempts run out: then it throws, so a task is retried).
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

export type Key = Readonly<Record<string, string>>;
type Item = Record<string, unknown>;

const GET_SIZE = 100;
const WRITE_SIZE = 25;
const MAX_ATTEMPTS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => pause(Math.random() * Math.min(1000, 20 * 2 ** attempt));

const slices = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/**
 * Runs `work` over the parts with at most `parallel` at a time. Each lane starts on its own turn of
 * the event loop, so its first request goes out before the next lane builds its own (within one
 * chain of promises, none would be written to its socket until all were built).
 */
export const inParallel = async <T>(
  parts: readonly T[],
  parallel: number,
  work: (part: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const lane = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (next < parts.length) {
      const part = parts[next];
      next += 1;
      if (part !== undefined) await work(part);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, parts.length) }, lane));
};

/**
 * Items and keys are converted here, with the document client's options, and sent as the service's
 * own commands: the document client would walk every request again to find them.
 */
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;
type Marshalled = Record<string, AttributeValue>;

const keyString = (key: Readonly<Record<string, unknown>>) => `${String(key.pk)}|${String(key.sk)}`;

/** The stored items of `keys` (pk/sk), by `pk|sk`; missing keys are absent from the map. */
export const batchGet = async (
  client: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
  options: { projection?: readonly string[]; parallel?: number } = {},
): Promise<Map<string, Item>> => {
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  const names = options.projection ? ['pk', 'sk', ...options.projection] : undefined;
  const projection = names
    ? {
        ProjectionExpression: names.map((_, i) => `#p${i}`).join(','),
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#p${i}`, n])),
      }
    : {};
  await inParallel(slices(unique, GET_SIZE), options.parallel ?? 4, async (part) => {
    let pending: Marshalled[] = part.map((key) => marshall(key, MARSHALL));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchGetItem: ${pending.length} keys left unprocessed`);
      if (attempt > 1) await backoff(attempt);
      const result = await client.send(
        new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending, ...projection } } }),
      );
      for (const stored of result.Responses?.[table] ?? []) {
        const item = unmarshall(stored);
        found.set(keyString(item), item);
      }
      pending = result.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  });
  return found;
};

/** Puts every item (last write wins per key); items with the same key in one call keep the last. */
export const batchPut = async (
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
  options: { parallel?: number } = {},
): Promise<void> => {
  const unique = [...new Map(items.map((item) => [keyString(item), item])).values()];
  await inParallel(slices(unique, WRITE_SIZE), options.parallel ?? 4, async (part) => {
    let pending: WriteRequest[] = part.map((item) => ({ PutRequest: { Item: marshall(item, MARSHALL) } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchWriteItem: ${pending.length} items left unprocessed`);
      if (attempt > 1) await backoff(attempt);
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = result.UnprocessedItems?.[table] ?? [];
    }
  });
};

/** Every item of a query, page after page (small partitions only: regions, a board month). */
export const queryAll = async (client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> => {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/**
 * Deliberations in the main table (layout in `shared/domain/deliberation.ts`): `pk=DELIB#<id>`,
 * `sk=DELIB`; gsi1/2/3 `DELIBS#<village|town|county>` / `<meetingDate>#<recordedAt>#<id>`. A record
 * is written once with its audit record; the deliberation id is the client's idempotency key.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Deliberation, deliberationItem, deliberationKey } from '../domain/deliberation.ts';
import { Conflict } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryRegionIndex } from './region-index.ts';
import { transactWrite } from './transaction-errors.ts';
import { withoutKeys } from './item-keys.ts';

export const DELIBERATION_EXISTS = 'DELIBERATION_EXISTS';

export interface DeliberationStore {
  get(deliberationId: string): Promise<Deliberation | undefined>;
  /** Newest meeting first, of a village, town or county. */
  list(regionCode: string, page: PageRequest): Promise<Page<Deliberation>>;
  /** Writes a new deliberation; Conflict `DELIBERATION_EXISTS` when the id is taken. */
  create(deliberation: Deliberation, audit: Record<string, unknown>[]): Promise<void>;
}

const toDeliberation = (item: Record<string, unknown>): Deliberation => Deliberation.parse(withoutKeys(item));

export const dynamoDeliberationStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): DeliberationStore => ({
  async get(deliberationId) {
    const found = await client.send(
      new GetCommand({ TableName: table(), Key: deliberationKey(deliberationId) }),
    );
    return found.Item ? toDeliberation(found.Item) : undefined;
  },

  async list(regionCode, page) {
    const found = await queryRegionIndex(client, { table: table(), prefix: 'DELIBS#', regionCode }, page);
    return { items: found.items.map(toDeliberation), nextCursor: found.nextCursor };
  },

  async create(deliberation, audit) {
    await transactWrite(client, [
      {
        item: {
          Put: {
            TableName: table(),
            Item: deliberationItem(deliberation),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new Conflict('该评议编号已被使用', DELIBERATION_EXISTS),
      },
      ...audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
    ]);
  },
});

export const deliberationStore: DeliberationStore = dynamoDeliberationStore(
  dynamo,
  tableName.main,
  tableName.audit,
);

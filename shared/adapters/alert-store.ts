/**
 * Alerts in the main table: `pk=ALERT#<countyCode>`, `sk=<kind>#<key>`. While open an alert also
 * carries list keys (removed when it is cleared, so the lists hold open alerts only):
 * gsi1 `ALERTS#<countyCode>#open` / `<raisedAt>#<kind>#<key>` — the county's open alerts;
 * gsi2 `ALERTAREA#<townCode>#open` / the same — a town's (village alerts under their town), where a
 * county-wide alert uses the county code (a county code is its own town prefix);
 * gsi3 `ALERTVILLAGE#<villageCode>#open` / the same — a village's, for alerts scoped to a village.
 */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { decodeCursor, encodeCursor, type PageKey } from './cursor.ts';
import { ValidationFailed } from '../http/errors.ts';
import { Alert, type AlertKind } from '../domain/alert.ts';
import { levelOf, townOf } from '../domain/region.ts';
import { missingSubmissionKey } from '../domain/submission-board.ts';

export interface AlertScope {
  readonly countyCode: string;
  /** A town official's town: its own alerts and the county-wide ones. */
  readonly townCode?: string;
  /** A village cadre's village: the alerts scoped to that village only (wins over `townCode`). */
  readonly villageCode?: string;
}

export interface AlertPage {
  readonly items: Alert[];
  readonly nextCursor?: string;
}

export interface AlertStore {
  /** Opens the alert; false when the same kind and key is already open (nothing changes). */
  raise(alert: Alert): Promise<boolean>;
  /** Clears an open alert; false when there is none open. */
  clear(countyCode: string, kind: AlertKind, key: string, at: string): Promise<boolean>;
  get(countyCode: string, kind: AlertKind, key: string): Promise<Alert | undefined>;
  /** Open alerts, newest first (a town: county-wide ones first, then the town's). */
  listOpen(scope: AlertScope, page: { limit: number; cursor?: string }): Promise<AlertPage>;
}

/** Keeps what an open alert says current (a count that moved, the records it concerns now). */
export interface AlertRefresher {
  /** Rewrites an open alert's title, detail and links, keeping `raisedAt`; false when it is not open. */
  refresh(alert: Pick<Alert, 'countyCode' | 'kind' | 'key' | 'title' | 'detail' | 'links'>): Promise<boolean>;
}

const alertKey = (countyCode: string, kind: string, key: string) => ({
  pk: `ALERT#${countyCode}`,
  sk: `${kind}#${key}`,
});
const countyList = (countyCode: string) => `ALERTS#${countyCode}#open`;
const areaList = (code: string) => `ALERTAREA#${townOf(code)}#open`;
const villageList = (villageCode: string) => `ALERTVILLAGE#${villageCode}#open`;

export const alertItem = (alert: Alert): Record<string, unknown> => {
  const listSk = `${alert.raisedAt}#${alert.kind}#${alert.key}`;
  return {
    ...alertKey(alert.countyCode, alert.kind, alert.key),
    entity: 'alert',
    ...alert,
    ...(alert.status === 'open'
      ? {
          gsi1pk: countyList(alert.countyCode),
          gsi1sk: listSk,
          gsi2pk: areaList(alert.scopeCode),
          gsi2sk: listSk,
          ...(levelOf(alert.scopeCode) === 'village'
            ? { gsi3pk: villageList(alert.scopeCode), gsi3sk: listSk }
            : {}),
        }
      : {}),
  };
};

const toAlert = (item: Record<string, unknown>): Alert => Alert.parse(item);

interface Partition {
  readonly index: 'gsi1' | 'gsi2' | 'gsi3';
  readonly pk: string;
}

const partitionsOf = (scope: AlertScope): Partition[] =>
  scope.villageCode
    ? [{ index: 'gsi3', pk: villageList(scope.villageCode) }]
    : scope.townCode
      ? [
          { index: 'gsi2', pk: areaList(scope.countyCode) },
          { index: 'gsi2', pk: areaList(scope.townCode) },
        ]
      : [{ index: 'gsi1', pk: countyList(scope.countyCode) }];

const keyAttributes = (index: Partition['index']) => ['pk', 'sk', `${index}pk`, `${index}sk`];

/** Which partition a cursor resumes, and where. */
const resumeAt = (partitions: Partition[], cursor: string | undefined): { from: number; key?: PageKey } => {
  if (cursor === undefined) return { from: 0 };
  for (const [from, p] of partitions.entries()) {
    try {
      const key = decodeCursor(cursor, {
        attributes: keyAttributes(p.index),
        equal: { [`${p.index}pk`]: p.pk },
      });
      return { from, key };
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
    }
  }
  throw new ValidationFailed([{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }]);
};

const queryPartition = async (p: Partition, want: number, startKey: PageKey | undefined) => {
  const items: Record<string, unknown>[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined = startKey;
  do {
    const result = await dynamo.send(
      new QueryCommand({
        TableName: tableName.main(),
        IndexName: p.index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${p.index}pk` },
        ExpressionAttributeValues: { ':pk': p.pk },
        ScanIndexForward: false,
        Limit: want - items.length,
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    items.push(...(result.Items ?? []));
    exclusiveStartKey = result.LastEvaluatedKey;
  } while (exclusiveStartKey && items.length < want);
  return items;
};

export const dynamoAlertStore: AlertStore & AlertRefresher = {
  async raise(alert) {
    try {
      await dynamo.send(
        new PutCommand({
          TableName: tableName.main(),
          Item: alertItem({ ...alert, status: 'open', clearedAt: undefined }),
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :cleared',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cleared': 'cleared' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async clear(countyCode, kind, key, at) {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName.main(),
          Key: alertKey(countyCode, kind, key),
          ConditionExpression: '#status = :open',
          UpdateExpression:
            'SET #status = :cleared, clearedAt = :at REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':cleared': 'cleared', ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async refresh({ countyCode, kind, key, title, detail, links }) {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName.main(),
          Key: alertKey(countyCode, kind, key),
          ConditionExpression: '#status = :open',
          UpdateExpression: 'SET title = :title, detail = :detail, links = :links',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':title': title, ':detail': detail, ':links': links },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async get(countyCode, kind, key) {
    const result = await dynamo.send(
      new GetCommand({ TableName: tableName.main(), Key: alertKey(countyCode, kind, key) }),
    );
    return result.Item ? toAlert(result.Item) : undefined;
  },

  async listOpen(scope, { limit, cursor }) {
    const partitions = partitionsOf(scope);
    const { from, key } = resumeAt(partitions, cursor);
    const collected: { item: Record<string, unknown>; partition: Partition }[] = [];
    for (const [i, partition] of partitions.entries()) {
      if (i < from || collected.length > limit) continue;
      const items = await queryPartition(
        partition,
        limit + 1 - collected.length,
        i === from ? key : undefined,
      );
      collected.push(...items.map((item) => ({ item, partition })));
    }
    const page = collected.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      collected.length > limit && last
        ? encodeCursor(Object.fromEntries(keyAttributes(last.partition.index).map((a) => [a, last.item[a]])))
        : undefined;
    return { items: page.map(({ item }) => toAlert(item)), ...(nextCursor ? { nextCursor } : {}) };
  },
};

/**
 * Called by the intake when a department pushes: a late push clears the alert the 6th's check
 * raised. Nothing happens when there is none open.
 */
export const clearMissingSubmissionAlert = async (
  countyCode: string,
  department: string,
  dueMonth: string,
  at: Date = new Date(),
): Promise<boolean> =>
  dynamoAlertStore.clear(
    countyCode,
    'missing_submission',
    missingSubmissionKey(department, dueMonth),
    at.toISOString(),
  );

/**
 * One-off upgrade for data written before the village lists: puts the county's open village-scoped
 * alerts that lack it on their village list (gsi3), each with a conditional update (still open,
 * still without it). Answers how many it indexed; running it again indexes none.
 */
export const indexVillageAlerts = async (
  client: DynamoDBDocumentClient,
  mainTable: string,
  countyCode: string,
): Promise<number> => {
  const open = await queryAll(client, {
    TableName: mainTable,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': countyList(countyCode) },
  });
  let indexed = 0;
  for (const item of open) {
    const scopeCode = String(item.scopeCode);
    if (item.gsi3pk !== undefined || levelOf(scopeCode) !== 'village') continue;
    try {
      await client.send(
        new UpdateCommand({
          TableName: mainTable,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: '#status = :open AND attribute_not_exists(gsi3pk)',
          UpdateExpression: 'SET gsi3pk = :pk, gsi3sk = :sk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':pk': villageList(scopeCode), ':sk': item.gsi1sk },
        }),
      );
      indexed += 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return indexed;
};

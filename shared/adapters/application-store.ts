/**
 * Applications in the main table (layout in `shared/domain/application.ts`): `pk=APP#<id>`,
 * `sk=APP`, gsi1/2/3 `APPS#<village|town|county>` / `<status>#<createdAt>#<id>`. Every step is
 * written with its audit records, and forwarding with the event's fund case, in one transaction.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  Application,
  applicationItem,
  applicationKey,
  type ApplicationStatus,
} from '../domain/application.ts';
import { fundCaseItem, type FundCase } from '../domain/fund-case.ts';
import { STALE_VERSION } from '../domain/household.ts';
import { Conflict, NotFound } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { caseUpdate } from './fund-case-store.ts';
import { queryRegionIndex } from './region-index.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';

export interface ApplicationListQuery {
  readonly regionCode: string;
  readonly status?: ApplicationStatus;
}

export interface ApplicationWrite {
  readonly application: Application;
  /** Absent for a new application. */
  readonly expectedVersion?: number;
  readonly audit: Record<string, unknown>[];
  /** The fund case forwarding creates (no `expectedVersion`) or sends on (at `expectedVersion`). */
  readonly fundCase?: { readonly next: FundCase; readonly expectedVersion?: number };
}

export interface ApplicationStore {
  get(applicationId: string): Promise<Application | undefined>;
  list(query: ApplicationListQuery, page: PageRequest): Promise<Page<Application>>;
  save(write: ApplicationWrite): Promise<void>;
}

const staleApplication = (currentVersion: number) =>
  new Conflict(`该申请已被他人办理（当前版本 ${currentVersion}），请刷新后重试`, STALE_VERSION, {
    currentVersion,
  });

/** A new case must not exist yet; a case sent on is updated at the version read. */
const caseItem = (table: string, write: NonNullable<ApplicationWrite['fundCase']>): GuardedItem =>
  write.expectedVersion === undefined
    ? {
        item: {
          Put: {
            TableName: table,
            Item: fundCaseItem(write.next),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new Conflict('该事件的防贫案件刚被他人创建，请刷新后重试', STALE_VERSION),
      }
    : caseUpdate(table, write.next, write.expectedVersion);

const toApplication = (item: Record<string, unknown>): Application => Application.parse(item);

export const dynamoApplicationStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): ApplicationStore => ({
  async get(applicationId) {
    const found = await client.send(
      new GetCommand({ TableName: table(), Key: applicationKey(applicationId) }),
    );
    return found.Item ? toApplication(found.Item) : undefined;
  },

  async list(query, page) {
    const found = await queryRegionIndex(
      client,
      { table: table(), prefix: 'APPS#', regionCode: query.regionCode, status: query.status },
      page,
    );
    return { items: found.items.map(toApplication), nextCursor: found.nextCursor };
  },

  async save(write) {
    const main: GuardedItem =
      write.expectedVersion === undefined
        ? {
            item: {
              Put: {
                TableName: table(),
                Item: applicationItem(write.application),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => new Conflict('申请编号冲突，请重试'),
          }
        : {
            item: {
              Put: {
                TableName: table(),
                Item: applicationItem(write.application),
                ConditionExpression: 'attribute_exists(pk) AND version = :v',
                ExpressionAttributeValues: { ':v': write.expectedVersion },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            onConditionFailed: (old) =>
              old?.version?.N ? staleApplication(Number(old.version.N)) : new NotFound(),
          };
    const fundCase: GuardedItem[] = write.fundCase ? [caseItem(table(), write.fundCase)] : [];
    await transactWrite(client, [
      main,
      ...fundCase,
      ...write.audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
    ]);
  },
});

export const applicationStore: ApplicationStore = dynamoApplicationStore(
  dynamo,
  tableName.main,
  tableName.audit,
);

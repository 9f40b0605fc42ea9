/**
 * Fund cases in the main table (layout in `shared/domain/fund-case.ts`): `pk=CASE#<caseId>`,
 * `sk=CASE` (a referral case carries the source row that created it: `intakeDepartment`,
 * `intakeSourceRef`, …); further reports `sk=SRC#<department>#<sourceRef>`; gsi1/2/3 `CASES#<village|town|county>`
 * / `<status>#<createdAt>#<caseId>`, so a status change rewrites the sort keys with it.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CaseSource, FundCase, fundCaseItem, fundCaseKey, type CaseStatus } from '../domain/fund-case.ts';
import { STALE_VERSION } from '../domain/household.ts';
import { Conflict, NotFound } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';
import { queryRegionIndex } from './region-index.ts';

export interface CaseListQuery {
  /** Village, town or county code: picks the index. */
  readonly regionCode: string;
  readonly status?: CaseStatus;
  readonly category?: string;
}

export interface FundCaseStore {
  get(caseId: string): Promise<{ fundCase: FundCase; sources: CaseSource[] } | undefined>;
  list(query: CaseListQuery, page: PageRequest): Promise<Page<FundCase>>;
  /** Replaces the case at `expectedVersion` (409 STALE_VERSION otherwise) with its audit records. */
  update(next: FundCase, expectedVersion: number, audit: Record<string, unknown>[]): Promise<void>;
}

const staleCase = (currentVersion: number) =>
  new Conflict(`该案件已被他人修改（当前版本 ${currentVersion}），请刷新后重试`, STALE_VERSION, {
    currentVersion,
  });

/**
 * A version-checked write of a case that sets every field of `next` (and its index keys) and keeps
 * attributes it does not know, such as the intake's bookkeeping on referral cases.
 */
export const caseUpdate = (table: string, next: FundCase, expectedVersion: number): GuardedItem => {
  const { pk: _pk, sk: _sk, ...fields } = fundCaseItem(next);
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    item: {
      Update: {
        TableName: table,
        Key: fundCaseKey(next.caseId),
        UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: {
          ...Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(entries.map(([, value], i) => [`:f${i}`, value])),
          ':expected': expectedVersion,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (old) => (old?.version?.N ? staleCase(Number(old.version.N)) : new NotFound()),
  };
};

const toCase = (item: Record<string, unknown>): FundCase => FundCase.parse(item);

/** The source row that created a referral case, kept on the case item by the intake. */
const intakeSourceOf = (item: Record<string, unknown>): CaseSource | undefined =>
  item.intakeDepartment === undefined
    ? undefined
    : CaseSource.parse({
        department: item.intakeDepartment,
        sourceRef: item.intakeSourceRef,
        submissionId: item.intakeSubmissionId,
        rowNumber: item.intakeRowNumber,
        amountFen: item.intakeAmountFen,
      });

export const dynamoFundCaseStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): FundCaseStore => ({
  async get(caseId) {
    const found = await client.send(new GetCommand({ TableName: table(), Key: fundCaseKey(caseId) }));
    if (!found.Item) return undefined;
    const rows = await client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :src)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':src': 'SRC#' },
      }),
    );
    const further = (rows.Items ?? []).map((row) => CaseSource.parse(row));
    const first = intakeSourceOf(found.Item);
    return { fundCase: toCase(found.Item), sources: first ? [first, ...further] : further };
  },

  async list(query, page) {
    const found = await queryRegionIndex(
      client,
      {
        table: table(),
        prefix: 'CASES#',
        regionCode: query.regionCode,
        status: query.status,
        ...(query.category ? { equals: { category: query.category } } : {}),
      },
      page,
    );
    return { items: found.items.map(toCase), nextCursor: found.nextCursor };
  },

  async update(next, expectedVersion, audit) {
    await transactWrite(client, [
      caseUpdate(table(), next, expectedVersion),
      ...audit.map((Item) => ({ item: { Put: { TableName: auditTable(), Item } } })),
    ]);
  },
});

export const fundCaseStore: FundCaseStore = dynamoFundCaseStore(dynamo, tableName.main, tableName.audit);

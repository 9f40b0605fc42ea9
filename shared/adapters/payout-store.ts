/**
 * Payouts, disbursement batches and each household's year sums in the main table (layout in
 * `shared/domain/payout/payout.ts`). Every change is ONE transaction: the payout at the version
 * read (so a payout is never approved or paid twice), the case's move, the ledger movement with
 * its conditional fund update (`fund-store.ts`), the household's year sums, the report sums and the
 * audit records.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FundCase, FundCategory } from '../domain/fund-case.ts';
import type { LedgerEntry } from '../domain/fund/ledger.ts';
import {
  DisbursementBatch,
  HouseholdYearSum,
  Payout,
  batchKey,
  householdSumKey,
  payoutItem,
  payoutKey,
  type PayoutStatus,
} from '../domain/payout/payout.ts';
import { Conflict } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { caseUpdate } from './fund-case-store.ts';
import { queryAll } from './batch-io.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { ledgerMove, reportIncrements } from './fund-store.ts';
import { withoutKeys } from './item-keys.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';

export const STALE_PAYOUT = 'STALE_VERSION';
export const CASE_CHANGED = 'CASE_CHANGED';
export const PAYOUT_BASIS_CHANGED = 'PAYOUT_BASIS_CHANGED';

export interface PayoutWrite {
  /** Payouts to write; `expectedVersion` absent for a new one. */
  readonly payouts: readonly { readonly next: Payout; readonly expectedVersion?: number }[];
  readonly fundCase?: { readonly next: FundCase; readonly expectedVersion: number };
  readonly ledger?: LedgerEntry;
  /** The household's year sums in the category, changed at `expectedVersion` (0: none yet). */
  readonly sum?: {
    readonly householdId: string;
    readonly year: number;
    readonly category: FundCategory;
    readonly eligibleDeltaFen: number;
    readonly paidDeltaFen: number;
    readonly expectedVersion?: number;
  };
  readonly report?: {
    readonly fundId: string;
    readonly keys: readonly (readonly [string, string])[];
    readonly amountFen: number;
    readonly householdId: string;
  };
  readonly batch?: DisbursementBatch;
  readonly audit: readonly Record<string, unknown>[];
}

export interface PayoutListQuery {
  readonly countyCode: string;
  readonly status?: PayoutStatus;
}

export interface PayoutStore {
  get(payoutId: string): Promise<Payout | undefined>;
  list(query: PayoutListQuery, page: PageRequest): Promise<Page<Payout>>;
  /** Every payout charged to the fund (reconciliation). */
  ofFund(fundId: string): Promise<Payout[]>;
  householdSum(householdId: string, year: number, category: FundCategory): Promise<HouseholdYearSum>;
  getBatch(batchId: string): Promise<DisbursementBatch | undefined>;
  write(change: PayoutWrite): Promise<void>;
}

const toPayout = (item: Record<string, unknown>) => Payout.parse(withoutKeys(item));

const payoutPut = (next: Payout, expectedVersion?: number): GuardedItem => ({
  item: {
    Put: {
      TableName: tableName.main(),
      Item: payoutItem(next),
      ConditionExpression:
        expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'attribute_exists(pk) AND version = :v',
      ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
    },
  },
  onConditionFailed: () =>
    expectedVersion === undefined
      ? new Conflict('赔付编号已被使用', STALE_PAYOUT)
      : new Conflict('该赔付已被他人处理，请刷新后重试', STALE_PAYOUT, { payoutId: next.payoutId }),
});

const sumUpdate = (sum: NonNullable<PayoutWrite['sum']>, at: string): GuardedItem => ({
  item: {
    Update: {
      TableName: tableName.main(),
      Key: householdSumKey(sum.householdId, sum.year, sum.category),
      UpdateExpression:
        'SET entity = :e, householdId = :h, #y = :y, category = :c, updatedAt = :at ADD eligibleFen :el, paidFen :p, version :one',
      ConditionExpression:
        sum.expectedVersion === undefined
          ? 'attribute_exists(pk)'
          : sum.expectedVersion === 0
            ? 'attribute_not_exists(pk)'
            : 'version = :v',
      ExpressionAttributeNames: { '#y': 'year' },
      ExpressionAttributeValues: {
        ':e': 'payoutSum',
        ':h': sum.householdId,
        ':y': sum.year,
        ':c': sum.category,
        ':at': at,
        ':el': sum.eligibleDeltaFen,
        ':p': sum.paidDeltaFen,
        ':one': 1,
        ...(sum.expectedVersion ? { ':v': sum.expectedVersion } : {}),
      },
    },
  },
  onConditionFailed: () =>
    new Conflict('该户本年度同类赔付在计算后已有变动，请撤销本方案后重新生成', PAYOUT_BASIS_CHANGED),
});

export const dynamoPayoutStore = (client = dynamo): PayoutStore => ({
  async get(payoutId) {
    const found = await client.send(
      new GetCommand({ TableName: tableName.main(), Key: payoutKey(payoutId), ConsistentRead: true }),
    );
    return found.Item ? toPayout(found.Item) : undefined;
  },
  async list(query, page) {
    const pk = `PAYOUTS#${query.countyCode}`;
    const prefix = query.status ? `${query.status}#` : '';
    const start = decodeCursor(page.cursor, {
      attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
      equal: { gsi1pk: pk },
      startsWith: { gsi1sk: prefix, pk: 'PAYOUT#' },
    });
    const result = await client.send(
      new QueryCommand({
        TableName: tableName.main(),
        IndexName: 'gsi1',
        KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :p)' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': prefix } : {}) },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const { items, nextCursor } = pageOf(result.Items ?? [], page.limit, ['pk', 'sk', 'gsi1pk', 'gsi1sk']);
    return { items: items.map(toPayout), ...(nextCursor ? { nextCursor } : {}) };
  },
  async ofFund(fundId) {
    const keys = await queryAll(client, {
      TableName: tableName.main(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `PAYOUTS#FUND#${fundId}` },
      ProjectionExpression: 'payoutId',
    });
    // The index is eventually consistent: each payout is read again from its item.
    const payouts = await Promise.all(keys.map((k) => this.get(String(k.payoutId))));
    return payouts.filter((p): p is Payout => p !== undefined);
  },
  async householdSum(householdId, year, category) {
    const found = await client.send(
      new GetCommand({
        TableName: tableName.main(),
        Key: householdSumKey(householdId, year, category),
        ConsistentRead: true,
      }),
    );
    return HouseholdYearSum.parse({
      householdId,
      year,
      category,
      eligibleFen: found.Item?.eligibleFen ?? 0,
      paidFen: found.Item?.paidFen ?? 0,
      version: found.Item?.version ?? 0,
    });
  },
  async getBatch(batchId) {
    const found = await client.send(new GetCommand({ TableName: tableName.main(), Key: batchKey(batchId) }));
    return found.Item ? DisbursementBatch.parse(withoutKeys(found.Item)) : undefined;
  },
  async write(change) {
    const at = change.payouts[0]?.next.updatedAt ?? new Date().toISOString();
    const items: GuardedItem[] = [
      ...change.payouts.map((p) => payoutPut(p.next, p.expectedVersion)),
      ...(change.fundCase
        ? [
            {
              ...caseUpdate(tableName.main(), change.fundCase.next, change.fundCase.expectedVersion),
              onConditionFailed: () => new Conflict('案件已被他人更新，请刷新后重试', CASE_CHANGED),
            },
          ]
        : []),
      ...(change.ledger ? ledgerMove(change.ledger) : []),
      ...(change.sum ? [sumUpdate(change.sum, at)] : []),
      ...(change.report
        ? reportIncrements(
            change.report.fundId,
            change.report.keys,
            change.report.amountFen,
            change.report.householdId,
          )
        : []),
      ...(change.batch
        ? [
            {
              item: {
                Put: {
                  TableName: tableName.main(),
                  Item: { ...batchKey(change.batch.batchId), entity: 'disbursementBatch', ...change.batch },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              onConditionFailed: () => new Conflict('拨付批次编号已被使用', 'BATCH_EXISTS'),
            },
          ]
        : []),
      ...change.audit.map((Item) => ({ item: { Put: { TableName: tableName.audit(), Item } } })),
    ];
    await transactWrite(client, items);
  },
});

export const payoutStore: PayoutStore = dynamoPayoutStore();

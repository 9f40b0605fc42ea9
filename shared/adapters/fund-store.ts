/**
 * The county fund and its ledger in the main table (layout in `shared/domain/fund/ledger.ts`).
 * `ledgerMove` builds the two transaction items every money movement consists of — the fund's
 * totals updated under a condition (available ≥ the amount for a reservation, reserved ≥ the
 * amount for a disbursement or release) and the ledger entry — so the payout store can put them in
 * the same transaction as the payout's status change.
 */
import { yuanText } from '../domain/money.ts';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  Fund,
  LedgerEntry,
  fundDelta,
  fundItem,
  fundKey,
  ledgerEntryItem,
  LEDGER_ENTRY_ZH,
} from '../domain/fund/ledger.ts';
import { Conflict } from '../http/errors.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import { dynamo, tableName } from './aws-clients.ts';
import { queryAll } from './batch-io.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { withoutKeys } from './item-keys.ts';
import { transactWrite, type GuardedItem } from './transaction-errors.ts';

export const INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE';
export const FUND_EXISTS = 'FUND_EXISTS';
export const LEDGER_MISMATCH = 'LEDGER_MISMATCH';

const numberOf = (old: Record<string, AttributeValue> | undefined, name: string): number | undefined => {
  const value = old?.[name];
  return value && 'N' in value && value.N !== undefined ? Number(value.N) : undefined;
};

/** The fund update and the ledger entry of one movement, for a transaction. */
export const ledgerMove = (entry: LedgerEntry): GuardedItem[] => {
  const d = fundDelta(entry.type, entry.amountFen);
  const guard =
    entry.type === 'reservation'
      ? ' AND availableFen >= :amount'
      : entry.type === 'deposit'
        ? ''
        : ' AND reservedFen >= :amount';
  return [
    {
      item: {
        Update: {
          TableName: tableName.main(),
          Key: fundKey(entry.fundId),
          UpdateExpression:
            'SET updatedAt = :at ADD depositsFen :d, reservedFen :r, disbursedFen :x, availableFen :a',
          ConditionExpression: `attribute_exists(pk)${guard}`,
          ExpressionAttributeValues: {
            ':at': entry.at,
            ':d': d.depositsFen,
            ':r': d.reservedFen,
            ':x': d.disbursedFen,
            ':a': d.availableFen,
            ...(guard ? { ':amount': entry.amountFen } : {}),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      onConditionFailed: (old) => {
        if (!old) return new Conflict('基金不存在，请先由财政部门建立本年度基金', 'FUND_MISSING');
        if (entry.type === 'reservation') {
          const available = numberOf(old, 'availableFen') ?? 0;
          return new Conflict(
            `基金可用余额不足：可用 ${yuanText(available)} 元，本次需预留 ${yuanText(entry.amountFen)} 元`,
            INSUFFICIENT_BALANCE,
            { availableFen: available, requiredFen: entry.amountFen },
          );
        }
        return new Conflict(`基金预留金额与本次${LEDGER_ENTRY_ZH[entry.type]}不符`, LEDGER_MISMATCH);
      },
    },
    {
      item: {
        Put: {
          TableName: tableName.main(),
          Item: ledgerEntryItem(entry),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new Conflict('台账记录编号重复', LEDGER_MISMATCH),
    },
  ];
};

export interface FundStore {
  get(fundId: string): Promise<Fund | undefined>;
  listOfCounty(countyCode: string): Promise<Fund[]>;
  /** Creates the fund (409 FUND_EXISTS when the county's fund of the year is there). */
  create(fund: Fund): Promise<void>;
  /** A movement on its own (a deposit) with the audit records, in one transaction. */
  move(entry: LedgerEntry, audit: readonly Record<string, unknown>[]): Promise<void>;
  /** Ledger entries in time order, paged. */
  ledger(fundId: string, page: PageRequest): Promise<Page<LedgerEntry>>;
  ledgerAll(fundId: string): Promise<LedgerEntry[]>;
  /** The report sums kept on disbursement (`FUNDREPORT#<fundId>`). */
  reportSums(fundId: string): Promise<ReportSum[]>;
}

export interface ReportSum {
  readonly dimension: string;
  readonly key: string;
  readonly paidFen: number;
  readonly payouts: number;
  readonly households: readonly string[];
}

/** The report sums a disbursement adds to, one update per dimension (created by the first ADD). */
export const reportIncrements = (
  fundId: string,
  keys: readonly (readonly [dimension: string, key: string])[],
  amountFen: number,
  householdId: string,
): GuardedItem[] =>
  keys.map(([dimension, key]) => ({
    item: {
      Update: {
        TableName: tableName.main(),
        Key: { pk: `FUNDREPORT#${fundId}`, sk: `${dimension}#${key}` },
        UpdateExpression:
          'SET entity = :e, dimension = :dim, #k = :key ADD paidFen :a, payouts :one, households :hh',
        ExpressionAttributeNames: { '#k': 'key' },
        ExpressionAttributeValues: {
          ':e': 'fundReportSum',
          ':dim': dimension,
          ':key': key,
          ':a': amountFen,
          ':one': 1,
          ':hh': new Set([householdId]),
        },
      },
    },
  }));

const toEntry = (item: Record<string, unknown>) => LedgerEntry.parse(withoutKeys(item));

export const dynamoFundStore = (client = dynamo, table = tableName.main): FundStore => ({
  async get(fundId) {
    const found = await client.send(
      new GetCommand({ TableName: table(), Key: fundKey(fundId), ConsistentRead: true }),
    );
    return found.Item ? Fund.parse(withoutKeys(found.Item)) : undefined;
  },
  async listOfCounty(countyCode) {
    const items = await queryAll(client, {
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `FUNDS#${countyCode}` },
    });
    return items.map((item) => Fund.parse(withoutKeys(item)));
  },
  async create(fund) {
    try {
      await client.send(
        new PutCommand({
          TableName: table(),
          Item: fundItem(fund),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new Conflict('本县该年度基金已建立', FUND_EXISTS, { fundId: fund.fundId });
      throw error;
    }
  },
  async move(entry, audit) {
    await transactWrite(client, [
      ...ledgerMove(entry),
      ...audit.map((Item) => ({ item: { Put: { TableName: tableName.audit(), Item } } })),
    ]);
  },
  async ledger(fundId, page) {
    const pk = `FUND#${fundId}`;
    const start = decodeCursor(page.cursor, {
      attributes: ['pk', 'sk'],
      equal: { pk },
      startsWith: { sk: 'LEDGER#' },
    });
    const result = await client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': 'LEDGER#' },
        Limit: page.limit + 1,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const { items, nextCursor } = pageOf(result.Items ?? [], page.limit, ['pk', 'sk']);
    return { items: items.map(toEntry), ...(nextCursor ? { nextCursor } : {}) };
  },
  async ledgerAll(fundId) {
    const items = await queryAll(client, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `FUND#${fundId}`, ':p': 'LEDGER#' },
      ConsistentRead: true,
    });
    return items.map(toEntry);
  },
  async reportSums(fundId) {
    const items = await queryAll(client, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `FUNDREPORT#${fundId}` },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      dimension: String(item.dimension),
      key: String(item.key),
      paidFen: Number(item.paidFen ?? 0),
      payouts: Number(item.payouts ?? 0),
      households: item.households instanceof Set ? [...(item.households as Set<string>)].sort() : [],
    }));
  },
});

export const fundStore: FundStore = dynamoFundStore();

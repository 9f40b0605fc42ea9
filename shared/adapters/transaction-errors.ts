/**
 * One `TransactWriteItems` with a meaning for each item's failed condition: DynamoDB answers
 * `TransactionCanceledException` with one reason per item, in order; the first failed condition
 * becomes the item's named domain error. A transaction conflict (someone else writing the same
 * items at the same moment) is tried again a few times, then a 409 to retry.
 */
import { TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../http/errors.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export interface GuardedItem {
  readonly item: TransactItem;
  /** The error when this item's condition fails; `old` is the item as stored (if the write asked for it). */
  readonly onConditionFailed?: (old: Record<string, AttributeValue> | undefined) => Error;
}

export const CONCURRENT_WRITE = 'CONCURRENT_WRITE';

const concurrentWrite = () => new Conflict('数据正被他人同时修改，请刷新后重试', CONCURRENT_WRITE);

/** A cancelled transaction wrote nothing, so one that lost only to a conflict is tried again. */
const CONFLICT_ATTEMPTS = 3;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const transactWrite = async (client: DynamoDBDocumentClient, items: readonly GuardedItem[]) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items.map((g) => g.item) }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      const onFailed = failed >= 0 ? items[failed]?.onConditionFailed : undefined;
      if (onFailed) throw onFailed(reasons[failed]?.Item);
      if (!reasons.some((reason) => reason.Code === 'TransactionConflict')) throw error;
      if (attempt >= CONFLICT_ATTEMPTS) throw concurrentWrite();
      await pause(Math.random() * 25 * 2 ** attempt);
    }
  }
};

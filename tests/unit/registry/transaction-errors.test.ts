import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { transactWrite, type GuardedItem } from '../../../shared/adapters/transaction-errors.ts';
import { staleVersion } from '../../../shared/domain/household.ts';
import { Conflict, NotFound } from '../../../shared/http/errors.ts';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const dynamo = mockClient(client);

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) =>
      Code === 'ConditionalCheckFailed' ? { Code, Item: { version: { N: '7' } } } : { Code },
    ),
  });

const items: GuardedItem[] = [
  {
    item: { Put: { TableName: 'main', Item: { pk: 'HH#1', sk: 'HH' } } },
    onConditionFailed: (old) => (old?.version?.N ? staleVersion(Number(old.version.N)) : new NotFound()),
  },
  {
    item: { Put: { TableName: 'main', Item: { pk: 'RID#1', sk: 'RID' } } },
    onConditionFailed: () => new Conflict('taken', 'RESIDENT_ID_TAKEN'),
  },
  { item: { Put: { TableName: 'audit', Item: { pk: 'ENTITY#household#1', sk: 'x' } } } },
];

const codeOf = async (run: Promise<unknown>) => {
  try {
    await run;
    return 'ok';
  } catch (error) {
    return error instanceof Conflict ? `${error.code}:${JSON.stringify(error.details ?? {})}` : String(error);
  }
};

describe('transactWrite', () => {
  beforeEach(() => dynamo.reset());

  it("maps the failed item's condition to its named error", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed', 'None'));
    expect(await codeOf(transactWrite(client, items))).toBe('RESIDENT_ID_TAKEN:{}');
  });

  it('reads the stored version of a stale household from the cancellation reason', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));
    expect(await codeOf(transactWrite(client, items))).toBe('STALE_VERSION:{"currentVersion":7}');
  });

  it('tries again after a transaction conflict, and succeeds', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'TransactionConflict', 'None'))
      .resolves({});
    expect(await codeOf(transactWrite(client, items))).toBe('ok');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('gives up after three conflicts with a 409 to retry', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None', 'None'));
    expect(await codeOf(transactWrite(client, items))).toBe('CONCURRENT_WRITE:{}');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('lets any other error through unchanged', async () => {
    dynamo.on(TransactWriteCommand).rejects(new Error('network down'));
    expect(await codeOf(transactWrite(client, items))).toBe('Error: network down');
  });
});

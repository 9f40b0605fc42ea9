/**
 * Intake items in the main table:
 * - submissions `pk=SUB#<id>`, `sk=SUB` (`submissionItem`), plus `gsi3pk=SUBS#<county>` /
 *   `gsi3sk=<receivedAt>#<id>` so county staff list the whole county;
 * - content-hash claims `pk=SUBHASH#<county>#<department>#<sha256>`, `sk=SUBHASH` {submissionId};
 * - open intakes `pk=INTAKES#OPEN`, `sk=<submissionId>` (until done or refused), for the resume schedule;
 * - chunk checkpoints `pk=SUB#<id>`, `sk=CHUNK#<000000>` {chunk, counts, at};
 * - rejected rows `pk=SUB#<id>`, `sk=ERR#<0000000>` {rowNumber, errors[{field, message}]}.
 * Cases and their sources are written by the row store (`intake-row-store.ts`).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { Submission, submissionItem, submissionKey, type SubmissionCounts } from '../domain/submission.ts';
import type { Page, PageRequest } from '../usecases/registry/ports.ts';
import type { RowErrorRecord, StoredSubmission, SubmissionStore } from '../usecases/intake/ports.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { withoutKeys } from './item-keys.ts';

const hashKey = (countyCode: string, department: string, hash: string) => ({
  pk: `SUBHASH#${countyCode}#${department}#${hash}`,
  sk: 'SUBHASH',
});
const openKey = (submissionId: string) => ({ pk: 'INTAKES#OPEN', sk: submissionId });
const chunkSk = (chunk: number) => `CHUNK#${String(chunk).padStart(6, '0')}`;

const itemOf = (s: StoredSubmission): Record<string, unknown> => ({
  ...submissionItem(s),
  gsi3pk: `SUBS#${s.countyCode}`,
  gsi3sk: `${s.receivedAt}#${s.submissionId}`,
});

const StoredSubmissionSchema = Submission.extend({
  duplicateOf: z.string().optional(),
  heartbeatAt: z.string().optional(),
  objectStoredAt: z.string().optional(),
  failures: z.number().int().optional(),
  lastError: z.string().optional(),
  createdBy: z.string().optional(),
});

const toSubmission = (item: Record<string, unknown>): StoredSubmission =>
  StoredSubmissionSchema.parse(withoutKeys(item));

const setExpression = (fields: Record<string, unknown>) => {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
  };
};

export const dynamoSubmissionStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
): SubmissionStore => {
  /** A new submission and its open-intake entry, written together. */
  const openingPuts = (submission: StoredSubmission) => [
    {
      Put: {
        TableName: table(),
        Item: itemOf(submission),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: table(), Item: { ...openKey(submission.submissionId), entity: 'openIntake' } } },
  ];
  const get = async (submissionId: string) => {
    const found = await client.send(new GetCommand({ TableName: table(), Key: submissionKey(submissionId) }));
    return found.Item ? toSubmission(found.Item) : undefined;
  };
  const listBy = async (index: 'gsi1' | 'gsi3', pkValue: string, page: PageRequest) => {
    const [pkName, skName] = [`${index}pk`, `${index}sk`];
    const attributes = ['pk', 'sk', pkName, skName];
    const result = await client.send(
      new QueryCommand({
        TableName: table(),
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pkName },
        ExpressionAttributeValues: { ':pk': pkValue },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ExclusiveStartKey: decodeCursor(page.cursor, { attributes, equal: { [pkName]: pkValue } }),
      }),
    );
    const { items, nextCursor } = pageOf(result.Items ?? [], page.limit, attributes);
    return { items: items.map(toSubmission), ...(nextCursor ? { nextCursor } : {}) };
  };
  const update = async (submissionId: string, fields: Partial<StoredSubmission>) => {
    await client.send(
      new UpdateCommand({
        TableName: table(),
        Key: submissionKey(submissionId),
        ConditionExpression: 'attribute_exists(pk)',
        ...setExpression(fields),
      }),
    );
  };

  return {
    async createClaimed(submission) {
      const claim = hashKey(submission.countyCode, submission.department, submission.contentHash);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table(),
                  Item: { ...claim, entity: 'submissionHash', submissionId: submission.submissionId },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...openingPuts(submission),
            ],
          }),
        );
        return { created: true };
      } catch (error) {
        const first =
          error instanceof TransactionCanceledException ? error.CancellationReasons?.[0] : undefined;
        if (first?.Code !== 'ConditionalCheckFailed') throw error;
        const held = await client.send(
          new GetCommand({ TableName: table(), Key: claim, ConsistentRead: true }),
        );
        return { created: false, firstId: String(held.Item?.submissionId) };
      }
    },
    async create(submission) {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [...openingPuts(submission)],
        }),
      );
    },
    get,
    listOfDepartment: (countyCode, department, page) =>
      listBy('gsi1', `SUBS#${countyCode}#${department}`, page),
    listOfCounty: (countyCode, page) => listBy('gsi3', `SUBS#${countyCode}`, page),
    async claimHash(countyCode, department, hash, submissionId) {
      const claim = hashKey(countyCode, department, hash);
      try {
        await client.send(
          new PutCommand({
            TableName: table(),
            Item: { ...claim, entity: 'submissionHash', submissionId },
            ConditionExpression: 'attribute_not_exists(pk) OR submissionId = :id',
            ExpressionAttributeValues: { ':id': submissionId },
          }),
        );
        return submissionId;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const held = await client.send(
          new GetCommand({ TableName: table(), Key: claim, ConsistentRead: true }),
        );
        return String(held.Item?.submissionId);
      }
    },
    update,
    async finish(submissionId, fields) {
      if (Object.values(fields).some((value) => value !== undefined)) await update(submissionId, fields);
      await client.send(new DeleteCommand({ TableName: table(), Key: openKey(submissionId) }));
    },
    async chunks(submissionId) {
      const found = new Map<number, SubmissionCounts>();
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :chunk)',
            ExpressionAttributeValues: { ':pk': `SUB#${submissionId}`, ':chunk': 'CHUNK#' },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) found.set(Number(item.chunk), item.counts as SubmissionCounts);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return found;
    },
    async saveChunk(submissionId, chunk, counts, at) {
      await client.send(
        new PutCommand({
          TableName: table(),
          Item: { pk: `SUB#${submissionId}`, sk: chunkSk(chunk), entity: 'intakeChunk', chunk, counts, at },
        }),
      );
    },
    async errors(submissionId, page): Promise<Page<RowErrorRecord>> {
      const pk = `SUB#${submissionId}`;
      const result = await client.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :err)',
          ExpressionAttributeValues: { ':pk': pk, ':err': 'ERR#' },
          Limit: page.limit + 1,
          ExclusiveStartKey: decodeCursor(page.cursor, {
            attributes: ['pk', 'sk'],
            equal: { pk },
            startsWith: { sk: 'ERR#' },
          }),
        }),
      );
      const { items, nextCursor } = pageOf(result.Items ?? [], page.limit, ['pk', 'sk']);
      return {
        items: items.map((item) => ({
          rowNumber: Number(item.rowNumber),
          errors: item.errors as RowErrorRecord['errors'],
          ...(item.values ? { values: item.values as RowErrorRecord['values'] } : {}),
        })),
        ...(nextCursor ? { nextCursor } : {}),
      };
    },
    async openIntakes() {
      const ids: string[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'INTAKES#OPEN' },
            ExclusiveStartKey: startKey,
          }),
        );
        ids.push(...(page.Items ?? []).map((item) => String(item.sk)));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return ids;
    },
  };
};

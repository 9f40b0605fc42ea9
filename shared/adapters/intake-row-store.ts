/**
 * The intake's per-chunk reads and writes in the main table, all batched: resident-ID claims
 * (`RID#<id>`), household places (`HH#<id>`, projected), cases (`CASE#<id>` / `CASE`, projected to
 * the status and the source row that created them), case sources (`CASE#<id>` /
 * `SRC#<department>#<sourceRef>`), the county's negative list (one query of its index, once per
 * invocation), and BatchWriteItem for everything a chunk writes. New people's resident-ID claims are conditional puts, up to 100 in
 * one transaction (the registry's one-ID-one-household rule holds, without a request per person); their households and audit
 * records follow in batches, in the registry's own item layout (`householdItem`, `auditItem`).
 * Those households go into the area counters (`area-count-store.ts`) first, one transaction per
 * up to 99 counter updates with a marker `pk=SUB#<id>`, `sk=COUNTED#<chunk>#<part>` that makes it
 * happen once per chunk.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IntakeRowStore } from '../usecases/intake/ports.ts';
import type { RowOutcome } from '../usecases/intake/decide-rows.ts';
import { INTAKE_CASE_FIELDS, keyText } from '../usecases/intake/decide-rows.ts';
import { batchGet, batchPut, inParallel, queryAll } from './batch-io.ts';
import { householdItem, residentClaimItem } from './household-store.ts';
import { auditItem } from './audit-store.ts';
import { regionStore } from './region-store.ts';
import { newHouseholdCountItems, type TransactItem } from './area-count-store.ts';

/** Requests in flight per batched read or write (the bench's raw baseline uses the same). */
export const INTAKE_PARALLEL = 8;
const PARALLEL = INTAKE_PARALLEL;
/** New claims go in transactions of up to 100 conditional puts: one request, not one per person. */
const CLAIMS_PER_TRANSACTION = 100;
/** DynamoDB's limit of items in one transaction. */
const TRANSACTION_ITEMS = 100;
const CLAIM_ATTEMPTS = 6;

type NewClaim = Parameters<IntakeRowStore['claimNew']>[0][number];

/**
 * Puts the claims of a group in one transaction. A claim held by another household cancels the
 * transaction with its reason; it is dropped and the rest tried again. Answers the IDs held by us.
 */
const claimGroup = async (
  client: DynamoDBDocumentClient,
  table: string,
  group: readonly NewClaim[],
  intake: { readonly submissionId: string; readonly chunk: number },
) => {
  let pending = [...group];
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > CLAIM_ATTEMPTS)
      throw new Error(`resident-ID claims: ${pending.length} left after conflicts`);
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: pending.map((claim) => ({
            Put: {
              TableName: table,
              Item: {
                ...residentClaimItem(claim.residentId, claim.householdId, claim.memberId, claim.place),
                intakeSubmissionId: intake.submissionId,
                intakeChunk: intake.chunk,
              },
              ConditionExpression: 'attribute_not_exists(pk) OR householdId = :household',
              ExpressionAttributeValues: { ':household': claim.householdId },
            },
          })),
        }),
      );
      return pending.map((claim) => claim.residentId.slice(0, 18));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const taken = new Set(reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : [])));
      pending = pending.filter((_, i) => !taken.has(i));
      if (taken.size === 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
  return [];
};

export const dynamoIntakeRowStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  auditTable: () => string,
): IntakeRowStore => ({
  async claims(residentIds) {
    const keys = residentIds.map((id) => ({ pk: `RID#${id.slice(0, 18)}`, sk: 'RID' }));
    const found = await batchGet(client, table(), keys, {
      projection: [
        'householdId',
        'memberId',
        'countyCode',
        'townCode',
        'villageCode',
        'intakeSubmissionId',
        'intakeChunk',
      ],
      parallel: PARALLEL,
    });
    return new Map(
      [...found.values()].map((item) => [
        String(item.pk).slice(4),
        {
          householdId: String(item.householdId),
          ...(item.memberId ? { memberId: String(item.memberId) } : {}),
          ...(item.intakeSubmissionId ? { intakeSubmissionId: String(item.intakeSubmissionId) } : {}),
          ...(item.intakeChunk !== undefined ? { intakeChunk: Number(item.intakeChunk) } : {}),
          ...(item.villageCode
            ? {
                place: {
                  countyCode: String(item.countyCode),
                  townCode: String(item.townCode),
                  villageCode: String(item.villageCode),
                },
              }
            : {}),
        },
      ]),
    );
  },
  async householdPlaces(householdIds) {
    const keys = householdIds.map((id) => ({ pk: `HH#${id}`, sk: 'HH' }));
    const found = await batchGet(client, table(), keys, {
      projection: ['countyCode', 'townCode', 'villageCode'],
      parallel: PARALLEL,
    });
    return new Map(
      [...found.values()].map((item) => [
        String(item.pk).slice(3),
        {
          countyCode: String(item.countyCode),
          townCode: String(item.townCode),
          villageCode: String(item.villageCode),
        },
      ]),
    );
  },
  async cases(caseIds) {
    const keys = caseIds.map((id) => ({ pk: `CASE#${id}`, sk: 'CASE' }));
    const found = await batchGet(client, table(), keys, {
      projection: [...INTAKE_CASE_FIELDS],
      parallel: PARALLEL,
    });
    return new Map(
      [...found.values()].map((item) => [
        String(item.pk).slice(5),
        {
          status: String(item.status),
          ...(item.intakeSubmissionId ? { intakeSubmissionId: String(item.intakeSubmissionId) } : {}),
          ...(item.intakeRowNumber !== undefined ? { intakeRowNumber: Number(item.intakeRowNumber) } : {}),
          ...(item.intakeDepartment ? { intakeDepartment: String(item.intakeDepartment) } : {}),
          ...(item.intakeSourceRef ? { intakeSourceRef: String(item.intakeSourceRef) } : {}),
          ...(item.intakeOutcome ? { intakeOutcome: item.intakeOutcome as RowOutcome } : {}),
        },
      ]),
    );
  },
  async sources(keys) {
    const found = await batchGet(client, table(), keys, {
      projection: ['submissionId', 'rowNumber', 'outcome'],
      parallel: PARALLEL,
    });
    return new Map(
      [...found.values()].map((item) => [
        keyText({ pk: String(item.pk), sk: String(item.sk) }),
        {
          submissionId: String(item.submissionId),
          rowNumber: Number(item.rowNumber),
          outcome: item.outcome as RowOutcome,
        },
      ]),
    );
  },
  async negatives(countyCode) {
    const items = await queryAll(client, {
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `NEG#${countyCode}` },
      ProjectionExpression: 'pk, reason',
    });
    return new Map(items.map((item) => [String(item.pk).slice(4), String(item.reason)]));
  },
  async villages(countyCode) {
    const regions = await regionStore.listCounty(countyCode);
    return new Map(regions.filter((r) => r.level === 'village').map((r) => [r.code, r.name]));
  },
  async put(items) {
    await batchPut(client, table(), items, { parallel: PARALLEL });
  },
  async claimNew(claims, submissionId, chunk) {
    const held = new Set<string>();
    const groups: (typeof claims)[number][][] = [];
    for (let i = 0; i < claims.length; i += CLAIMS_PER_TRANSACTION)
      groups.push(claims.slice(i, i + CLAIMS_PER_TRANSACTION));
    await inParallel(groups, PARALLEL, async (group) => {
      for (const id of await claimGroup(client, table(), group, { submissionId, chunk })) held.add(id);
    });
    return held;
  },
  async countRegistered(submissionId, chunk, registered) {
    const counters = newHouseholdCountItems(table(), registered.households, registered.month);
    const parts: TransactItem[][] = [];
    for (let i = 0; i < counters.length; i += TRANSACTION_ITEMS - 1)
      parts.push(counters.slice(i, i + TRANSACTION_ITEMS - 1));
    for (const [part, items] of parts.entries()) {
      const marker = {
        pk: `SUB#${submissionId}`,
        sk: `COUNTED#${String(chunk).padStart(6, '0')}#${part}`,
        entity: 'intakeCounted',
      };
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table(), Item: marker, ConditionExpression: 'attribute_not_exists(pk)' } },
              ...items,
            ],
          }),
        );
      } catch (error) {
        // The marker is there: an earlier run (or another execution) of this chunk counted them.
        const first =
          error instanceof TransactionCanceledException ? error.CancellationReasons?.[0] : undefined;
        if (first?.Code !== 'ConditionalCheckFailed') throw error;
      }
    }
  },
  async putHouseholds(households, audit) {
    await Promise.all([
      batchPut(client, table(), households.map(householdItem), { parallel: PARALLEL }),
      batchPut(client, auditTable(), audit.map(auditItem), { parallel: PARALLEL }),
    ]);
  },
});

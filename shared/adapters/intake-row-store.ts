/**
 * The intake's per-chunk reads and writes in the main table, all batched: resident-ID claims
 * (`RID#<id>`), household places (`HH#<id>`, projected), cases (`CASE#<id>` / `CASE`), case sources
 * (`CASE#<id>` / `SRC#<department>#<sourceRef>`), the negative list (`NEG#<id>`), and BatchWriteItem
 * for everything a chunk writes.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IntakeRowStore } from '../usecases/intake/ports.ts';
import type { RowOutcome } from '../usecases/intake/decide-rows.ts';
import { keyText } from '../usecases/intake/decide-rows.ts';
import type { NegativeListStore } from './negative-list-store.ts';
import { batchGet, batchPut } from './batch-io.ts';
import { regionStore } from './region-store.ts';

const PARALLEL = 6;

export const dynamoIntakeRowStore = (
  client: DynamoDBDocumentClient,
  table: () => string,
  negativeList: NegativeListStore,
): IntakeRowStore => ({
  async claims(residentIds) {
    const keys = residentIds.map((id) => ({ pk: `RID#${id.slice(0, 18)}`, sk: 'RID' }));
    const found = await batchGet(client, table(), keys, {
      projection: ['householdId', 'memberId'],
      parallel: PARALLEL,
    });
    return new Map(
      [...found.values()].map((item) => [
        String(item.pk).slice(4),
        {
          householdId: String(item.householdId),
          ...(item.memberId ? { memberId: String(item.memberId) } : {}),
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
      projection: ['status', 'intakeSubmissionId', 'intakeRowNumber'],
      parallel: PARALLEL,
    });
    return new Map(
      [...found.values()].map((item) => [
        String(item.pk).slice(5),
        {
          status: String(item.status),
          ...(item.intakeSubmissionId ? { intakeSubmissionId: String(item.intakeSubmissionId) } : {}),
          ...(item.intakeRowNumber !== undefined ? { intakeRowNumber: Number(item.intakeRowNumber) } : {}),
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
  async negatives(residentIds) {
    const hits = await negativeList.lookup([...residentIds]);
    return new Map([...hits].map(([id, hit]) => [id, hit.reason]));
  },
  async villages(countyCode) {
    const regions = await regionStore.listCounty(countyCode);
    return new Map(regions.filter((r) => r.level === 'village').map((r) => [r.code, r.name]));
  },
  async put(items) {
    await batchPut(client, table(), items, { parallel: PARALLEL });
  },
});

/**
 * The crash: the whole platform process (gateway, state machines, handlers, DynamoDB Local, S3)
 * is killed with SIGKILL while the intake is halfway through a file; started again on the same
 * data directory, the resume schedule's function restarts the intake, which ends with exactly
 * the referrals a run without the crash gives — none lost, none doubled — and the village's area
 * counter has each new household once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { referralCaseId } from '../../shared/domain/fund-case.ts';
import { CHUNK_ROWS } from '../../shared/usecases/intake/ingest-rows.ts';
import { COLUMN_HEADERS, REFERRAL_FIELDS } from '../../shared/intake/columns.ts';
import { uniqueResidentIds } from '../support/resident-ids.ts';
import { waitFor } from '../support/wait-for.ts';
import { startChildRuntime, type ChildRuntime } from './support/child-runtime.ts';

const COUNTY = '420702000000';
const VILLAGE = '420702100201';
/** Two chunks and part of a third: the kill comes after the first checkpoint, before the last. */
const ROWS = Math.round(CHUNK_ROWS * 2.4);
/** The template's columns, without the two optional ones. */
const HEADERS = REFERRAL_FIELDS.slice(0, 9).map((field) => COLUMN_HEADERS[field]);

/** Every person new to the registry; odd rows above the 5,000-yuan deductible, even rows not. */
const people = uniqueResidentIds(ROWS);
const amountOf = (i: number) => (i % 2 === 1 ? 8000 + i : 3000 + (i % 1000));
const csv =
  '\uFEFF' +
  [
    HEADERS,
    ...people.map((id, i) => [id, '周仓', VILLAGE, '因病', '', '', amountOf(i), '2026-02-10', `CRASH-${i}`]),
  ]
    .map((r) => r.join(','))
    .join('\r\n') +
  '\r\n';
const expectedAccepted = people.filter((_, i) => amountOf(i) > 5000).length;

const documentClient = (runtime: ChildRuntime) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: runtime.endpoints.dynamodb,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }),
  );

const queryAll = async (runtime: ChildRuntime, pk: string, prefix: string) =>
  (
    await documentClient(runtime).send(
      new QueryCommand({
        TableName: runtime.tables.main,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      }),
    )
  ).Items ?? [];

const getMany = async (runtime: ChildRuntime, keys: { pk: string; sk: string }[]) => {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let request: Record<string, { Keys: { pk: string; sk: string }[] }> | undefined = {
      [runtime.tables.main ?? '']: { Keys: keys.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await documentClient(runtime).send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[runtime.tables.main ?? ''] ?? []));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
};

/** The village's area counter (households, persons) as the registry and the intake keep it. */
const villageCount = async (runtime: ChildRuntime) => {
  const [item] = await getMany(runtime, [{ pk: `COUNTS#${COUNTY}`, sk: `VILLAGE#${VILLAGE}` }]);
  return { households: Number(item?.households ?? 0), persons: Number(item?.persons ?? 0) };
};

const caseKey = (id: string) => ({
  pk: `CASE#${referralCaseId({ countyCode: COUNTY, residentId: id, category: 'illness', eventDate: '2026-02-10' })}`,
  sk: 'CASE',
});

describe('an intake killed mid-file and run again', () => {
  let dataDir: string;
  let runtime: ChildRuntime | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fpb-crash-'));
  });
  afterAll(async () => {
    await runtime?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ends with exactly the referrals of a run without the crash', async () => {
    const first = await startChildRuntime(dataDir);
    runtime = first;
    const headers = {
      authorization: `Bearer ${await first.token('dept.emergency')}`,
      'content-type': 'application/json',
    };
    const countedBefore = await villageCount(first);
    const bytes = Buffer.from(csv, 'utf8');
    const announce = await fetch(`${first.url}/submissions/files`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ fileName: '应急-崩溃.csv', size: bytes.length, period: '2026-02' }),
    });
    expect(announce.status).toBe(201);
    const { submissionId, url } = (await announce.json()) as { submissionId: string; url: string };
    expect((await fetch(url, { method: 'PUT', body: bytes })).status).toBe(200);

    // Mid-file: at least one chunk checkpointed, not all of them.
    const chunksAtKill = await waitFor(
      async () => {
        const chunks = await queryAll(first, `SUB#${submissionId}`, 'CHUNK#');
        return chunks.length >= 1 ? chunks.length : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 20, what: 'the first chunk checkpoint' },
    );
    await first.kill();
    runtime = undefined;
    expect(chunksAtKill).toBeLessThan(Math.ceil(ROWS / CHUNK_ROWS));

    const second = await startChildRuntime(dataDir);
    runtime = second;
    const stalled = await queryAll(second, `SUB#${submissionId}`, 'SUB');
    expect(stalled[0]?.status).toBe('processing');

    await second.invoke('resume-stalled-intakes', { staleAfterSeconds: 0 });
    const reader = { authorization: `Bearer ${await second.token('dept.emergency')}` };
    const done = await waitFor(
      async () => {
        const response = await fetch(`${second.url}/submissions/${submissionId}`, { headers: reader });
        const body = (await response.json()) as { status: string; counts?: Record<string, number> };
        return body.status === 'done' ? body : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200, what: 'the resumed intake' },
    );

    expect(done.counts).toEqual({
      rows: ROWS,
      accepted: expectedAccepted,
      rejected: 0,
      duplicates: 0,
      screenedOut: ROWS - expectedAccepted,
    });
    expect((await queryAll(second, `SUB#${submissionId}`, 'CHUNK#')).length).toBe(
      Math.ceil(ROWS / CHUNK_ROWS),
    );

    // One case per person with the right status and its source row, one household each.
    const cases = await getMany(second, people.map(caseKey));
    expect(cases.length).toBe(ROWS);
    const statusOf = new Map(cases.map((c) => [String(c.residentId), String(c.status)]));
    people.forEach((id, i) =>
      expect(statusOf.get(id), `row ${i + 2}`).toBe(
        amountOf(i) > 5000 ? 'awaiting_verification' : 'screened_out',
      ),
    );
    // The source row lives in the case item; no further reports, so no source items.
    cases.forEach((c) =>
      expect([c.intakeSubmissionId, c.intakeDepartment]).toEqual([submissionId, 'emergency_management']),
    );
    const sourceCounts = await Promise.all(people.map((id) => queryAll(second, caseKey(id).pk, 'SRC#')));
    expect(sourceCounts.map((s) => s.length)).toEqual(people.map(() => 0));
    const claims = await getMany(
      second,
      people.map((id) => ({ pk: `RID#${id}`, sk: 'RID' })),
    );
    expect(claims.length).toBe(ROWS);
    const households = await getMany(
      second,
      [...new Set(claims.map((c) => String(c.householdId)))].map((id) => ({ pk: `HH#${id}`, sk: 'HH' })),
    );
    expect(households.length).toBe(ROWS);
    // Each new household counted once in its village, whichever run registered it.
    expect(await villageCount(second)).toEqual({
      households: countedBefore.households + ROWS,
      persons: countedBefore.persons + ROWS,
    });
  }, 300_000);
});

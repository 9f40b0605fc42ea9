/**
 * IngestRows with in-memory stores: chunks are checkpointed, a short time budget stops after a
 * chunk with `done: false`, and the next call carries on from the checkpoints, ending with the
 * same items and counts as one uninterrupted run.
 */
import { describe, expect, it } from 'vitest';
import { ingestRows, CHUNK_ROWS } from '../../../shared/usecases/intake/ingest-rows.ts';
import { summarize } from '../../../shared/usecases/intake/summarize.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import { checkDigit } from '../../../shared/domain/resident-id.ts';
import type { SubmissionCounts } from '../../../shared/domain/submission.ts';
import type { IntakeDeps, StoredSubmission } from '../../../shared/usecases/intake/ports.ts';

const VILLAGE = '420702100201';
const idOf = (n: number) => {
  const day = String(1 + Math.floor(n / 1000)).padStart(2, '0');
  const first17 = `420702198001${day}${String(n % 1000).padStart(3, '0')}`;
  return `${first17}${checkDigit(first17)}`;
};

const fakeDeps = (rows: unknown[]) => {
  const items = new Map<string, Record<string, unknown>>();
  const chunks = new Map<number, SubmissionCounts>();
  /** Households counted by each chunk's checkpoint, by village. */
  const counted = new Map<number, Map<string, number>>();
  let sub: StoredSubmission = {
    submissionId: 'sub-1',
    countyCode: '420702000000',
    department: 'medical_insurance',
    channel: 'api',
    period: '2026-02',
    dueMonth: '2026-03',
    receivedAt: '2026-03-04T02:00:00.000Z',
    timeliness: 'on_time',
    status: 'processing',
    contentHash: 'h',
    objectKey: 'batch.json',
    submittedBy: 'dept.medical',
    createdBy: 'u',
    updatedAt: '2026-03-04T02:00:00.000Z',
  };
  const byPk = (prefix: string, ids: readonly string[], sk: string) =>
    new Map(
      ids.flatMap((id) => {
        const item = items.get(`${prefix}${id}|${sk}`);
        return item ? [[id, item]] : [];
      }),
    );
  const deps: IntakeDeps = {
    submissions: {
      createClaimed: async () => ({ created: true }),
      create: async () => undefined,
      get: async () => sub,
      listOfDepartment: async () => ({ items: [] }),
      listOfCounty: async () => ({ items: [] }),
      claimHash: async (_c, _d, _h, id) => id,
      update: async (_id, fields) => {
        sub = { ...sub, ...fields };
      },
      finish: async (_id, fields) => {
        sub = { ...sub, ...fields };
      },
      chunks: async () => new Map(chunks),
      saveChunk: async (_id, chunk, counts) => {
        chunks.set(chunk, counts);
      },
      errors: async () => ({ items: [] }),
      openIntakes: async () => [],
    },
    rows: {
      claims: async (ids) =>
        new Map(
          [...byPk('RID#', ids, 'RID')].map(([id, item]) => [
            id,
            {
              householdId: String(item.householdId),
              memberId: String(item.memberId),
              intakeSubmissionId: String(item.intakeSubmissionId),
              intakeChunk: Number(item.intakeChunk),
              place: {
                countyCode: String(item.countyCode),
                townCode: String(item.townCode),
                villageCode: String(item.villageCode),
              },
            },
          ]),
        ),
      householdPlaces: async (ids) =>
        new Map(
          [...byPk('HH#', ids, 'HH')].map(([id, item]) => [
            id,
            {
              countyCode: String(item.countyCode),
              townCode: String(item.townCode),
              villageCode: String(item.villageCode),
            },
          ]),
        ),
      cases: async (ids) =>
        new Map(
          [...byPk('CASE#', ids, 'CASE')].map(([id, item]) => [
            id,
            {
              status: String(item.status),
              intakeSubmissionId: String(item.intakeSubmissionId),
              intakeRowNumber: Number(item.intakeRowNumber),
              intakeDepartment: String(item.intakeDepartment),
              intakeSourceRef: String(item.intakeSourceRef),
              intakeOutcome: item.intakeOutcome as 'accepted',
            },
          ]),
        ),
      sources: async (keys) =>
        new Map(
          keys.flatMap((k) => {
            const item = items.get(`${k.pk}|${k.sk}`);
            return item
              ? [
                  [
                    `${k.pk}|${k.sk}`,
                    {
                      submissionId: String(item.submissionId),
                      rowNumber: Number(item.rowNumber),
                      outcome: item.outcome as 'accepted',
                    },
                  ],
                ]
              : [];
          }),
        ),
      negatives: async () => new Map(),
      villages: async () => new Map([[VILLAGE, '太和村']]),
      put: async (list) => {
        for (const item of list) items.set(`${String(item.pk)}|${String(item.sk)}`, item);
      },
      claimNew: async (claims, submissionId, chunk) => {
        for (const c of claims)
          items.set(`RID#${c.residentId}|RID`, {
            householdId: c.householdId,
            memberId: c.memberId,
            ...c.place,
            intakeSubmissionId: submissionId,
            intakeChunk: chunk,
          });
        return new Set(claims.map((c) => c.residentId));
      },
      countRegistered: async (_id, chunk, registered) => {
        if (counted.has(chunk)) return; // the marker is there
        const byVillage = new Map<string, number>();
        for (const h of registered.households)
          byVillage.set(h.villageCode, (byVillage.get(h.villageCode) ?? 0) + h.persons);
        counted.set(chunk, byVillage);
      },
      putHouseholds: async (households) => {
        for (const h of households) items.set(`HH#${h.householdId}|HH`, { ...h });
      },
    },
    content: {
      file: async () => {
        throw new Error('no file');
      },
      size: async () => undefined,
      batch: async () => rows,
      putBatch: async () => undefined,
    },
    config: async (county, year) => yearConfigOf(county, year),
    submissionReceived: async () => undefined,
  };
  return { deps, items, chunks, counted, submission: () => sub };
};

/**
 * Two chunks and 7 rows about CHUNK_ROWS + 100 people, each with one event: a person's first row
 * makes the case (every fifth person's amount is below the deductible: screened out), the others
 * are duplicates.
 */
const PEOPLE = CHUNK_ROWS + 100;
const batch = Array.from({ length: CHUNK_ROWS * 2 + 7 }, (_, i) => ({
  residentId: idOf(i % PEOPLE),
  name: '王五',
  villageCode: VILLAGE,
  category: 'illness',
  amountFen: i % 5 === 0 ? 100_000 : 900_000,
  eventDate: '2026-02-10',
  sourceRef: `YB-${i}`,
}));

describe('ingestRows', () => {
  it('stops after a chunk when time is short, and the next call carries on to the same end', async () => {
    const whole = fakeDeps(batch);
    expect(await ingestRows(whole.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 })).toEqual({
      done: true,
    });
    const wholeCounts = await summarize(whole.deps, 'sub-1');

    const stepped = fakeDeps(batch);
    const short = { remainingMs: () => 0, reserveMs: 1_000 };
    expect(await ingestRows(stepped.deps, 'sub-1', short)).toEqual({ done: false, nextChunk: 1 });
    expect([...stepped.chunks.keys()]).toEqual([0]);
    expect(await ingestRows(stepped.deps, 'sub-1', short)).toEqual({ done: false, nextChunk: 2 });
    expect(await ingestRows(stepped.deps, 'sub-1', short)).toEqual({ done: true });
    expect(await summarize(stepped.deps, 'sub-1')).toEqual(wholeCounts);
    expect(wholeCounts).toEqual({
      rows: CHUNK_ROWS * 2 + 7,
      accepted: PEOPLE - PEOPLE / 5,
      rejected: 0,
      duplicates: CHUNK_ROWS * 2 + 7 - PEOPLE,
      screenedOut: PEOPLE / 5,
    });
    expect([...stepped.items.keys()].sort()).toEqual([...whole.items.keys()].sort());
    expect(stepped.submission().status).toBe('done');
  });

  it('writes again, on a rerun, a household whose claim a crash left without it', async () => {
    const run = fakeDeps(batch);
    await ingestRows(run.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 });
    const before = new Map(run.items);
    const households = [...run.items.keys()].filter((k) => k.startsWith('HH#'));
    expect(households).toHaveLength(CHUNK_ROWS + 100);
    // The crash: claims written; two households, the cases and the checkpoints not (cases follow
    // their chunk's households, so a case never exists without its household).
    for (const key of households.slice(0, 2)) run.items.delete(key);
    for (const key of [...run.items.keys()].filter((k) => k.startsWith('CASE#'))) run.items.delete(key);
    run.chunks.clear();
    await run.deps.submissions.update('sub-1', { status: 'processing' });
    expect(await ingestRows(run.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 })).toEqual({
      done: true,
    });
    expect([...before.keys()].filter((k) => !run.items.has(k))).toEqual([]);
    expect(run.items).toEqual(before);
  });

  it('counts each registered household once, in the chunk that registered it, also after a crash', async () => {
    // CHUNK_ROWS + 100 people: chunk 0 registers CHUNK_ROWS of them; the first 100 rows of chunk 1
    // register 100 more; the rest are people already registered.
    const expected = new Map([
      [0, new Map([[VILLAGE, CHUNK_ROWS]])],
      [1, new Map([[VILLAGE, 100]])],
    ]);
    const run = fakeDeps(batch);
    await ingestRows(run.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 });
    expect(run.counted).toEqual(expected);

    // The crash in chunk 1 after its claims, before it counted them: its households, cases and
    // checkpoint are not there. The rerun counts chunk 1's people (their claims name chunk 1) and
    // not chunk 0's again (its marker is there).
    const crashed = fakeDeps(batch);
    await ingestRows(crashed.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 });
    const chunkOneIds = new Set(Array.from({ length: 100 }, (_, i) => idOf(CHUNK_ROWS + i)));
    for (const [key, item] of [...crashed.items]) {
      const chunkOne =
        (key.startsWith('HH#') &&
          chunkOneIds.has(String((item.members as { idNumber: string }[])[0]?.idNumber))) ||
        (key.startsWith('CASE#') && Number(item.intakeRowNumber) > CHUNK_ROWS);
      if (chunkOne) crashed.items.delete(key);
    }
    for (const chunk of [1, 2]) {
      crashed.chunks.delete(chunk);
      crashed.counted.delete(chunk);
    }
    await crashed.deps.submissions.update('sub-1', { status: 'processing' });
    await ingestRows(crashed.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 });
    expect(crashed.counted).toEqual(expected);
    expect(crashed.items).toEqual(run.items);
  });

  it('never reads while a chunk is being written, and ends as if each write landed at once', async () => {
    // Three chunks, each repeating events of the one before (and chunk 2 events of chunk 0): the
    // reads of a chunk cannot see the cases of the chunk before it, which is written after them.
    const rows = Array.from({ length: CHUNK_ROWS * 3 }, (_, i) => ({
      ...batch[0],
      residentId: idOf(i % (CHUNK_ROWS + 300)),
      amountFen: 900_000,
      sourceRef: `YB-${i}`,
    }));
    const instant = fakeDeps(rows);
    await ingestRows(instant.deps, 'sub-1', { remainingMs: () => 60_000, reserveMs: 1_000 });

    const slow = fakeDeps(rows);
    let writing = 0;
    const readsBesideWrites: string[] = [];
    const put = slow.deps.rows.put;
    const rowsPort = {
      ...slow.deps.rows,
      put: async (list: Record<string, unknown>[]) => {
        writing += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        await put(list);
        writing -= 1;
      },
      cases: async (ids: readonly string[]) => {
        if (writing > 0) readsBesideWrites.push('cases');
        return slow.deps.rows.cases(ids);
      },
      claims: async (ids: readonly string[]) => {
        if (writing > 0) readsBesideWrites.push('claims');
        return slow.deps.rows.claims(ids);
      },
    };
    await ingestRows({ ...slow.deps, rows: rowsPort }, 'sub-1', {
      remainingMs: () => 60_000,
      reserveMs: 1_000,
    });
    expect(readsBesideWrites).toEqual([]);
    expect(await summarize(slow.deps, 'sub-1')).toEqual(await summarize(instant.deps, 'sub-1'));
    expect(await summarize(slow.deps, 'sub-1')).toEqual({
      rows: CHUNK_ROWS * 3,
      accepted: CHUNK_ROWS + 300,
      rejected: 0,
      duplicates: CHUNK_ROWS * 2 - 300,
      screenedOut: 0,
    });
    expect(slow.items).toEqual(instant.items);
  });
});

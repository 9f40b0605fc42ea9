/**
 * One chunk of a submission's rows, in two steps. `readChunk`: 1. rows in a village outside the
 * county are rejected; 2. batched reads of the cases the rows belong to and of the people's claims;
 * 3. for rows without a case, where the person lives (people the registry does not know become
 * general households); for further reports of existing cases, their stored source items.
 * `decideReadChunk`: 4. each row is decided (`decide-rows.ts`). Then 5. batched writes of cases,
 * sources and row errors together (`writeChunk`); 6. the chunk's checkpoint with its counts
 * (written by the caller). Running it again gives the same items and counts.
 */
import type { YearConfig } from '../../domain/year-config.ts';
import type { ReferralRow } from '../../domain/referral-row.ts';
import {
  caseIdOf,
  decideChunk,
  keyText,
  needsSourceRead,
  sourceKeyOf,
  type ChunkDecision,
  type CheckedRow,
  type Place,
  type StoredCase,
  type StoredSource,
  type SubmissionRef,
} from './decide-rows.ts';
import { intakeHousehold } from './intake-household.ts';
import type { IntakeDeps, RegisteredHousehold, StoredClaim } from './ports.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';

export interface ChunkContext {
  readonly config: YearConfig;
  /** The county's villages: code → name. */
  readonly villages: ReadonlyMap<string, string>;
  readonly villageField: string;
  readonly chunk: number;
  /** The county's negative list: reason code by 18-character ID. */
  readonly negatives: ReadonlyMap<string, string>;
}

export interface ChunkMemory {
  readonly cases: ReadonlyMap<string, StoredCase>;
  readonly sourceKeys: ReadonlySet<string>;
}

export const memoryOf = (decision: ChunkDecision): ChunkMemory => ({
  cases: decision.decidedCases,
  sourceKeys: decision.decidedSourceKeys,
});

const idOf = (row: ReferralRow) => row.residentId.slice(0, 18);

const inCounty = (rows: readonly CheckedRow[], villages: ReadonlyMap<string, string>, field: string) =>
  rows.map((checked): CheckedRow =>
    checked.ok && !villages.has(checked.row.villageCode)
      ? {
          rowNumber: checked.rowNumber,
          ok: false,
          errors: [{ field, message: '该村级区划代码不存在或不属于本县' }],
        }
      : checked,
  );

/**
 * Where each person of the rows lives, registering the people the registry does not know:
 * 1. read the resident-ID claims; 2. claim the unknown IDs for households built from the rows
 * (conditional puts: an ID someone else claimed meanwhile keeps its household); 3. write the
 * won households with their audit records, and again any household whose claim an earlier run
 * won but whose item it did not write before a crash; 4. read where the other households are.
 * Before any household is written, the households this chunk registers — claims it won now, or
 * won in an earlier run of the same chunk (the claim names the chunk) — are added to the area
 * counters, once per chunk: no case of the chunk exists yet, so a rerun sees the same people.
 */
const placesOf = async (
  deps: IntakeDeps,
  sub: SubmissionRef,
  rows: readonly ReferralRow[],
  known: ReadonlyMap<string, StoredClaim>,
  villages: ReadonlyMap<string, string>,
  chunk: number,
): Promise<Map<string, Place>> => {
  const people = [...new Map(rows.map((r) => [idOf(r), r])).values()];
  const build = (row: ReferralRow) =>
    intakeHousehold(row, villages.get(row.villageCode) ?? row.villageCode, sub.receivedAt, sub.submissionId);
  const claims = new Map(
    people.flatMap((row) => {
      const claim = known.get(idOf(row));
      return claim ? [[idOf(row), claim] as const] : [];
    }),
  );
  const fresh = people.filter((row) => !claims.has(idOf(row))).map((row) => ({ row, ...build(row) }));
  const won = await deps.rows.claimNew(
    fresh.map(({ row, household }) => ({
      residentId: idOf(row),
      householdId: household.householdId,
      memberId: household.members[0]?.memberId ?? '',
      place: {
        countyCode: household.countyCode,
        townCode: household.townCode,
        villageCode: household.villageCode,
      },
    })),
    sub.submissionId,
    chunk,
  );
  const lost = fresh.filter(({ row }) => !won.has(idOf(row)));
  for (const [id, claim] of await deps.rows.claims(lost.map(({ row }) => idOf(row)))) claims.set(id, claim);
  // Read where households are only for claims that do not carry it (written before they did) and
  // for claims this submission's intake wrote: a crash may have left such a claim without its
  // household, which is then written again.
  const ours = people.filter((row) => claims.get(idOf(row))?.intakeSubmissionId === sub.submissionId);
  const toRead = new Set([
    ...[...claims.values()].filter((c) => !c.place).map((c) => c.householdId),
    ...ours.map((row) => claims.get(idOf(row))?.householdId ?? ''),
  ]);
  const read = toRead.size > 0 ? await deps.rows.householdPlaces([...toRead]) : new Map();
  const homes = new Map([
    ...[...claims.values()].flatMap((c) =>
      c.place && !toRead.has(c.householdId) ? [[c.householdId, c.place] as const] : [],
    ),
    ...read,
  ]);
  const orphans = ours
    .filter((row) => !read.has(claims.get(idOf(row))?.householdId ?? ''))
    .map((row) => ({ row, ...build(row) }));
  const written = [...fresh.filter(({ row }) => won.has(idOf(row))), ...orphans];
  const registered: RegisteredHousehold[] = [
    ...fresh.filter(({ row }) => won.has(idOf(row))),
    ...ours.filter((row) => claims.get(idOf(row))?.intakeChunk === chunk).map((row) => build(row)),
  ].map(({ household }) => ({
    villageCode: household.villageCode,
    type: household.type,
    persons: household.members.length,
  }));
  if (registered.length > 0)
    await deps.rows.countRegistered(sub.submissionId, chunk, {
      month: shanghaiMonth(new Date(sub.receivedAt)),
      households: registered,
    });
  await deps.rows.putHouseholds(
    written.map((w) => w.household),
    written.map((w) => w.audit),
  );
  const places = new Map<string, Place>();
  for (const { row, household } of written)
    places.set(idOf(row), {
      householdId: household.householdId,
      memberId: household.members[0]?.memberId,
      countyCode: household.countyCode,
      townCode: household.townCode,
      villageCode: household.villageCode,
    });
  for (const [id, claim] of claims) {
    const home = homes.get(claim.householdId);
    if (home && !places.has(id))
      places.set(id, {
        ...home,
        householdId: claim.householdId,
        ...(claim.memberId ? { memberId: claim.memberId } : {}),
      });
  }
  return places;
};

/** What a chunk's rows need from the database, read before anything earlier is known to be written. */
export interface ChunkReads {
  readonly rows: readonly CheckedRow[];
  readonly cases: ReadonlyMap<string, StoredCase>;
  readonly sources: ReadonlyMap<string, StoredSource>;
  readonly places: ReadonlyMap<string, Place>;
}

/**
 * Reads what the chunk's rows need; writes only households of new people. The rows' cases and the
 * people's claims are read together: in a month's file most rows have no case yet, so the claims
 * are needed (those of rows whose case exists are read for nothing). The chunk before is decided
 * while these reads are out and written after them: rows of its cases are treated as without a
 * case here, and `decideReadChunk` finds their cases in what that chunk decided.
 */
export const readChunk = async (
  deps: IntakeDeps,
  sub: SubmissionRef,
  input: readonly CheckedRow[],
  ctx: Pick<ChunkContext, 'villages' | 'villageField' | 'chunk'>,
): Promise<ChunkReads> => {
  const rows = inCounty(input, ctx.villages, ctx.villageField);
  const valid = rows.flatMap((r) => (r.ok ? [{ rowNumber: r.rowNumber, row: r.row }] : []));
  const caseIds = valid.map(({ row }) => caseIdOf(sub.countyCode, row));
  const [cases, claims] = await Promise.all([
    deps.rows.cases([...new Set(caseIds)]),
    deps.rows.claims([...new Set(valid.map(({ row }) => idOf(row)))]),
  ]);
  const caseOf = (i: number) => cases.get(caseIds[i] ?? '');
  const sourceKeys = valid.flatMap(({ row, rowNumber }, i) =>
    needsSourceRead(sub, rowNumber, row, caseOf(i))
      ? [sourceKeyOf(caseIds[i] ?? '', sub.department, row.sourceRef)]
      : [],
  );
  const withoutCase = valid.filter((_, i) => !caseOf(i)).map(({ row }) => row);
  const [sources, places] = await Promise.all([
    sourceKeys.length > 0
      ? deps.rows.sources([...new Map(sourceKeys.map((k) => [keyText(k), k])).values()])
      : new Map(),
    placesOf(deps, sub, withoutCase, claims, ctx.villages, ctx.chunk),
  ]);
  return { rows, cases, sources, places };
};

/** Decides the chunk's rows from its reads and what the chunk before decided (not yet written). */
export const decideReadChunk = (
  sub: SubmissionRef,
  reads: ChunkReads,
  ctx: Pick<ChunkContext, 'config' | 'negatives'> & { readonly previous?: ChunkMemory },
): ChunkDecision =>
  decideChunk(
    sub,
    reads.rows,
    {
      places: reads.places,
      cases: new Map([...(ctx.previous?.cases ?? []), ...reads.cases]),
      sources: reads.sources,
      negatives: ctx.negatives,
      ...(ctx.previous ? { recentSourceKeys: ctx.previous.sourceKeys } : {}),
    },
    ctx.config,
  );

export const writeChunk = (deps: IntakeDeps, decision: ChunkDecision): Promise<void> =>
  deps.rows.put([...decision.caseItems, ...decision.sourceItems, ...decision.errorItems]);

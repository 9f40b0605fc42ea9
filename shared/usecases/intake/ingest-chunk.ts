/**
 * One chunk of a submission's rows: 1. rows in a village outside the county are rejected;
 * 2. batched reads of what is stored (sources, cases, resident-ID claims, negative list);
 * 3. people the registry does not know become general households; 4. each row is decided
 * (`decide-rows.ts`); 5. batched writes — cases first, then sources and row errors; 6. the
 * chunk's checkpoint with its counts. Running it again gives the same items and counts.
 */
import { Conflict } from '../../http/errors.ts';
import type { SubmissionCounts } from '../../domain/submission.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { ReferralRow } from '../../domain/referral-row.ts';
import { inParallel } from '../../adapters/batch-io.ts';
import {
  caseIdOf,
  decideChunk,
  keyText,
  sourceKeyOf,
  type CheckedRow,
  type Place,
  type SubmissionRef,
} from './decide-rows.ts';
import { intakeHousehold, intakeHouseholdChange } from './intake-household.ts';
import type { IntakeDeps } from './ports.ts';

export interface ChunkContext {
  readonly config: YearConfig;
  /** The county's villages: code → name. */
  readonly villages: ReadonlyMap<string, string>;
  readonly villageField: string;
  readonly chunk: number;
}

const HOUSEHOLDS_IN_PARALLEL = 8;

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

/** Creates households for people without a registry claim; answers the claims of all of them. */
const registerUnknown = async (
  deps: IntakeDeps,
  sub: SubmissionRef,
  rows: readonly ReferralRow[],
  villages: ReadonlyMap<string, string>,
) => {
  const claims = await deps.rows.claims([...new Set(rows.map(idOf))]);
  const unknown = [...new Map(rows.filter((r) => !claims.has(idOf(r))).map((r) => [idOf(r), r])).values()];
  if (unknown.length === 0) return claims;
  await inParallel(unknown, HOUSEHOLDS_IN_PARALLEL, async (row) => {
    const built = intakeHousehold(
      row,
      villages.get(row.villageCode) ?? row.villageCode,
      sub.receivedAt,
      sub.submissionId,
    );
    try {
      await deps.households.save(
        intakeHouseholdChange(built, new Error(`village ${row.villageCode} is unknown`)),
      );
    } catch (error) {
      // Someone registered the person (or an earlier run did) meanwhile: the claim read below finds them.
      if (!(error instanceof Conflict)) throw error;
    }
  });
  const created = await deps.rows.claims(unknown.map(idOf));
  for (const [id, claim] of created) claims.set(id, claim);
  return claims;
};

export const ingestChunk = async (
  deps: IntakeDeps,
  sub: SubmissionRef,
  input: readonly CheckedRow[],
  ctx: ChunkContext,
): Promise<SubmissionCounts> => {
  const rows = inCounty(input, ctx.villages, ctx.villageField);
  const valid = rows.flatMap((r) => (r.ok ? [r.row] : []));
  const caseIds = valid.map((row) => caseIdOf(sub.countyCode, row));
  const sourceKeys = valid.map((row, i) => sourceKeyOf(caseIds[i] ?? '', sub.department, row.sourceRef));
  const [sources, cases, negatives] = await Promise.all([
    deps.rows.sources(sourceKeys),
    deps.rows.cases([...new Set(caseIds)]),
    deps.rows.negatives([...new Set(valid.map(idOf))]),
  ]);
  const undecided = valid.filter(
    (row, i) => !sources.has(keyText(sourceKeys[i] ?? { pk: '', sk: '' })) && !cases.has(caseIds[i] ?? ''),
  );
  const claims = await registerUnknown(deps, sub, undecided, ctx.villages);
  const homes = await deps.rows.householdPlaces([...new Set([...claims.values()].map((c) => c.householdId))]);
  const places = new Map<string, Place>();
  for (const [id, claim] of claims) {
    const home = homes.get(claim.householdId);
    if (home) places.set(id, { ...home, ...claim });
  }
  const decision = decideChunk(sub, rows, { places, cases, sources, negatives }, ctx.config);
  await deps.rows.put(decision.caseItems);
  await deps.rows.put([...decision.sourceItems, ...decision.errorItems]);
  return decision.counts;
};

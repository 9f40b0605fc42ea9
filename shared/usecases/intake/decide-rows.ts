/**
 * The outcome of each row of one chunk, and the items that record it — no I/O. Given the same
 * rows and the same stored state it decides the same, which is what makes a re-run chunk
 * (after a crash between writes) end with the same items and counts:
 * - a new event is ONE item: the case carries the source row that created it (department,
 *   reference, submission, row, amount) and the outcome decided then (`intakeOutcome`); finding
 *   that case again from the same submission and row replays the outcome;
 * - a further report of the event (another department, another reference) is a source item
 *   (`CASE#<caseId>` / `SRC#<department>#<sourceRef>`, outcome `duplicate`), written unless a source
 *   item of that key is already stored (`state.sources` holds those read for such rows);
 * - the same department and reference as the case's own source is a duplicate with no item.
 * Accepted race: two submissions taking in the same new event at the same moment (different
 * departments, concurrent executions) may both see no case; both write it (same id, last writer's
 * intake marks win) and both count the row as accepted. One case results, never two.
 */
import { fundCaseItem, referralCaseId, type FundCase } from '../../domain/fund-case.ts';
import type { ReferralRow } from '../../domain/referral-row.ts';
import { prescreen } from '../../domain/prescreen.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { SubmissionCounts } from '../../domain/submission.ts';

export type RowOutcome = 'accepted' | 'rejected' | 'duplicate' | 'screened_out';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type CheckedRow =
  | { readonly rowNumber: number; readonly ok: true; readonly row: ReferralRow }
  | {
      readonly rowNumber: number;
      readonly ok: false;
      readonly errors: readonly FieldError[];
      /** The row's cells as the file gave them (text), kept for the rejected-rows download. */
      readonly values?: Readonly<Record<string, string | number>>;
    };

export interface SubmissionRef {
  readonly submissionId: string;
  readonly countyCode: string;
  readonly department: string;
  readonly receivedAt: string;
}

export interface Place {
  readonly householdId: string;
  readonly memberId?: string;
  readonly countyCode: string;
  readonly townCode: string;
  readonly villageCode: string;
}

export interface StoredSource {
  readonly submissionId: string;
  readonly rowNumber: number;
  readonly outcome: RowOutcome;
}

/** What the intake reads of a stored case: its status and the source row that created it. */
export interface StoredCase {
  readonly status: string;
  readonly intakeSubmissionId?: string;
  readonly intakeRowNumber?: number;
  readonly intakeDepartment?: string;
  readonly intakeSourceRef?: string;
  readonly intakeOutcome?: RowOutcome;
}

/** The intake's own fields on a case item it creates (outside the FundCase schema). */
export const INTAKE_CASE_FIELDS = [
  'status',
  'intakeSubmissionId',
  'intakeRowNumber',
  'intakeDepartment',
  'intakeSourceRef',
  'intakeAmountFen',
  'intakeOutcome',
] as const;

export interface ChunkState {
  /** By 18-character resident ID: the registry household of the person (people without a case). */
  readonly places: ReadonlyMap<string, Place>;
  /** Stored cases, and those the previous chunk decided (its writes may still be in flight). */
  readonly cases: ReadonlyMap<string, StoredCase>;
  /** By `keyText(sourceKeyOf(...))`: stored source items, read for further reports of existing cases. */
  readonly sources: ReadonlyMap<string, StoredSource>;
  /** Source keys the previous chunk decided (its writes may still be in flight). */
  readonly recentSourceKeys?: ReadonlySet<string>;
  /** By 18-character resident ID: negative-list reason code. */
  readonly negatives: ReadonlyMap<string, string>;
}

export interface ChunkDecision {
  readonly outcomes: readonly { rowNumber: number; outcome: RowOutcome }[];
  /** New cases, each with its first source inside. */
  readonly caseItems: Record<string, unknown>[];
  /** Further reports of events (duplicates), one item per department and reference. */
  readonly sourceItems: Record<string, unknown>[];
  readonly errorItems: Record<string, unknown>[];
  readonly counts: SubmissionCounts;
  /** The cases this chunk created and the source keys it saw, for the next chunk. */
  readonly decidedCases: ReadonlyMap<string, StoredCase>;
  readonly decidedSourceKeys: ReadonlySet<string>;
}

export const caseIdOf = (countyCode: string, row: ReferralRow): string =>
  referralCaseId({
    countyCode,
    residentId: row.residentId,
    category: row.category,
    eventDate: row.eventDate,
  });

export const sourceKeyOf = (caseId: string, department: string, sourceRef: string) => ({
  pk: `CASE#${caseId}`,
  sk: `SRC#${department}#${sourceRef}`,
});

export const keyText = (key: { pk: string; sk: string }): string => `${key.pk}|${key.sk}`;

export const errorKeyOf = (submissionId: string, rowNumber: number) => ({
  pk: `SUB#${submissionId}`,
  sk: `ERR#${String(rowNumber).padStart(7, '0')}`,
});

const outcomeOfCase = (status: string): RowOutcome =>
  status === 'screened_out' ? 'screened_out' : 'accepted';

export const emptyCounts = (): SubmissionCounts => ({
  rows: 0,
  accepted: 0,
  rejected: 0,
  duplicates: 0,
  screenedOut: 0,
});

export const addOutcome = (counts: SubmissionCounts, outcome: RowOutcome): SubmissionCounts => ({
  rows: counts.rows + 1,
  accepted: counts.accepted + (outcome === 'accepted' ? 1 : 0),
  rejected: counts.rejected + (outcome === 'rejected' ? 1 : 0),
  duplicates: counts.duplicates + (outcome === 'duplicate' ? 1 : 0),
  screenedOut: counts.screenedOut + (outcome === 'screened_out' ? 1 : 0),
});

const newCase = (
  sub: SubmissionRef,
  caseId: string,
  rowNumber: number,
  row: ReferralRow,
  place: Place,
  negative: string | undefined,
  config: YearConfig,
): Record<string, unknown> => {
  const reasons = prescreen(
    {
      category: row.category,
      amountFen: row.amountFen,
      ...(row.perCapitaIncomeFen !== undefined ? { perCapitaIncomeFen: row.perCapitaIncomeFen } : {}),
      ...(negative ? { negative: { reason: negative } } : {}),
    },
    config,
  );
  const fundCase: FundCase = {
    caseId,
    countyCode: place.countyCode,
    townCode: place.townCode,
    villageCode: place.villageCode,
    householdId: place.householdId,
    ...(place.memberId ? { memberId: place.memberId } : {}),
    residentId: row.residentId,
    personName: row.name,
    category: row.category,
    eventDate: row.eventDate,
    amountFen: row.amountFen,
    ...(row.disasterKind ? { disasterKind: row.disasterKind } : {}),
    ...(row.schoolLevel ? { schoolLevel: row.schoolLevel } : {}),
    origin: 'referral',
    status: reasons.length > 0 ? 'screened_out' : 'awaiting_verification',
    screenReasons: reasons,
    createdAt: sub.receivedAt,
    updatedAt: sub.receivedAt,
    version: 1,
  };
  // Added to the item, not spread into a new one (see `fundCaseItem`).
  return Object.assign(fundCaseItem(fundCase), {
    intakeSubmissionId: sub.submissionId,
    intakeRowNumber: rowNumber,
    intakeDepartment: sub.department,
    intakeSourceRef: row.sourceRef,
    intakeAmountFen: row.amountFen,
    intakeOutcome: outcomeOfCase(fundCase.status),
  });
};

const storedOf = (item: Record<string, unknown>): StoredCase => ({
  status: String(item.status),
  intakeSubmissionId: String(item.intakeSubmissionId),
  intakeRowNumber: Number(item.intakeRowNumber),
  intakeDepartment: String(item.intakeDepartment),
  intakeSourceRef: String(item.intakeSourceRef),
  intakeOutcome: item.intakeOutcome as RowOutcome,
});

/** The row created the case (a replay after a crash, or a re-run of a checkpoint-less chunk). */
const createdBy = (stored: StoredCase, sub: SubmissionRef, rowNumber: number): boolean =>
  stored.intakeSubmissionId === sub.submissionId && stored.intakeRowNumber === rowNumber;

/** The case's own source is this department and reference: the same report again. */
const sameSource = (stored: StoredCase, sub: SubmissionRef, row: ReferralRow): boolean =>
  stored.intakeDepartment === sub.department && stored.intakeSourceRef === row.sourceRef;

/**
 * The rows of a chunk whose stored source items must be read before deciding: further reports of
 * cases that exist and were not created by the row (`ingest-chunk.ts` reads just those).
 */
export const needsSourceRead = (
  sub: SubmissionRef,
  rowNumber: number,
  row: ReferralRow,
  stored: StoredCase | undefined,
): boolean => stored !== undefined && !createdBy(stored, sub, rowNumber) && !sameSource(stored, sub, row);

/** Decides every row of a chunk in row order; later rows see the cases earlier rows create. */
export const decideChunk = (
  sub: SubmissionRef,
  rows: readonly CheckedRow[],
  state: ChunkState,
  config: YearConfig,
): ChunkDecision => {
  const outcomes: { rowNumber: number; outcome: RowOutcome }[] = [];
  const caseItems: Record<string, unknown>[] = [];
  const sourceItems: Record<string, unknown>[] = [];
  const errorItems: Record<string, unknown>[] = [];
  const decidedCases = new Map<string, StoredCase>();
  const decidedSourceKeys = new Set<string>();
  let counts = emptyCounts();
  const record = (rowNumber: number, outcome: RowOutcome) => {
    outcomes.push({ rowNumber, outcome });
    counts = addOutcome(counts, outcome);
  };

  const placeOf = (row: ReferralRow, rowNumber: number): Place => {
    const place = state.places.get(row.residentId.slice(0, 18));
    if (!place) throw new Error(`row ${rowNumber}: no registry household was found or created`);
    return place;
  };
  const negativeOf = (row: ReferralRow) => state.negatives.get(row.residentId.slice(0, 18));

  for (const checked of rows) {
    if (!checked.ok) {
      errorItems.push({
        ...errorKeyOf(sub.submissionId, checked.rowNumber),
        entity: 'rowError',
        rowNumber: checked.rowNumber,
        errors: checked.errors,
        ...(checked.values ? { values: checked.values } : {}),
      });
      record(checked.rowNumber, 'rejected');
      continue;
    }
    const { row, rowNumber } = checked;
    const caseId = caseIdOf(sub.countyCode, row);
    const sourceKey = sourceKeyOf(caseId, sub.department, row.sourceRef);
    const sourceText = keyText(sourceKey);
    if (decidedSourceKeys.has(sourceText) || state.recentSourceKeys?.has(sourceText)) {
      record(rowNumber, 'duplicate');
      continue;
    }
    decidedSourceKeys.add(sourceText);

    const stored = decidedCases.get(caseId) ?? state.cases.get(caseId);
    if (!stored) {
      const item = newCase(sub, caseId, rowNumber, row, placeOf(row, rowNumber), negativeOf(row), config);
      caseItems.push(item);
      decidedCases.set(caseId, storedOf(item));
      record(rowNumber, outcomeOfCase(String(item.status)));
      continue;
    }
    if (createdBy(stored, sub, rowNumber)) {
      record(rowNumber, stored.intakeOutcome ?? outcomeOfCase(stored.status));
      continue;
    }
    if (!sameSource(stored, sub, row) && !state.sources.has(sourceText))
      sourceItems.push({
        ...sourceKey,
        entity: 'caseSource',
        caseId,
        department: sub.department,
        sourceRef: row.sourceRef,
        submissionId: sub.submissionId,
        rowNumber,
        amountFen: row.amountFen,
        outcome: 'duplicate',
        receivedAt: sub.receivedAt,
        // A submission's further reports, listed for the monthly data comparison (cadence).
        gsi1pk: `SRCS#${sub.submissionId}`,
        gsi1sk: `${caseId}#${sub.department}#${row.sourceRef}`,
      });
    record(rowNumber, 'duplicate');
  }
  return { outcomes, caseItems, sourceItems, errorItems, counts, decidedCases, decidedSourceKeys };
};

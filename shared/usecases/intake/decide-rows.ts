/**
 * The outcome of each row of one chunk, and the items that record it — no I/O. Given the same
 * rows and the same stored state it decides the same, which is what makes a re-run chunk
 * (after a crash between writes) end with the same items and counts:
 * - a source item (`CASE#<caseId>` / `SRC#<department>#<sourceRef>`) carries the outcome decided the
 *   first time; finding our own source item again replays that outcome;
 * - a case item carries the submission and row that created it, so a case written just before a
 *   crash is recognised as ours (not as a duplicate) when the chunk runs again;
 * - cases and sources are written in the same batches, in any order: a source of ours found
 *   without its case has the case built again (deterministically, from the row).
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

export interface StoredCase {
  readonly status: string;
  readonly intakeSubmissionId?: string;
  readonly intakeRowNumber?: number;
}

export interface ChunkState {
  /** By 18-character resident ID: the registry household of the person. */
  readonly places: ReadonlyMap<string, Place>;
  readonly cases: ReadonlyMap<string, StoredCase>;
  /** By `sourceKeyOf(...)`. */
  readonly sources: ReadonlyMap<string, StoredSource>;
  /** By 18-character resident ID: negative-list reason code. */
  readonly negatives: ReadonlyMap<string, string>;
}

export interface ChunkDecision {
  readonly outcomes: readonly { rowNumber: number; outcome: RowOutcome }[];
  /** Written with the sources; a source found without its case (a crash) has the case written again. */
  readonly caseItems: Record<string, unknown>[];
  readonly sourceItems: Record<string, unknown>[];
  readonly errorItems: Record<string, unknown>[];
  readonly counts: SubmissionCounts;
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
  return { ...fundCaseItem(fundCase), intakeSubmissionId: sub.submissionId, intakeRowNumber: rowNumber };
};

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
  const casesSeen = new Set<string>();
  const sourcesSeen = new Set<string>();
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
    const stored = state.sources.get(keyText(sourceKey));
    const source = (outcome: RowOutcome) => ({
      ...sourceKey,
      entity: 'caseSource',
      caseId,
      department: sub.department,
      sourceRef: row.sourceRef,
      submissionId: sub.submissionId,
      rowNumber,
      amountFen: row.amountFen,
      outcome,
      receivedAt: sub.receivedAt,
    });

    if (stored) {
      const ours = stored.submissionId === sub.submissionId && stored.rowNumber === rowNumber;
      const lostCase =
        ours && stored.outcome !== 'duplicate' && !state.cases.has(caseId) && !casesSeen.has(caseId);
      if (lostCase) {
        // Written in the same batch as its source, the case was lost to a crash: write it again.
        casesSeen.add(caseId);
        caseItems.push(
          newCase(sub, caseId, rowNumber, row, placeOf(row, rowNumber), negativeOf(row), config),
        );
      }
      record(rowNumber, ours ? stored.outcome : 'duplicate');
      continue;
    }
    if (sourcesSeen.has(keyText(sourceKey))) {
      record(rowNumber, 'duplicate');
      continue;
    }
    sourcesSeen.add(keyText(sourceKey));

    const existing = state.cases.get(caseId);
    if (existing) {
      const ours = existing.intakeSubmissionId === sub.submissionId && existing.intakeRowNumber === rowNumber;
      const outcome = ours ? outcomeOfCase(existing.status) : 'duplicate';
      sourceItems.push(source(outcome));
      record(rowNumber, outcome);
      continue;
    }
    if (casesSeen.has(caseId)) {
      sourceItems.push(source('duplicate'));
      record(rowNumber, 'duplicate');
      continue;
    }
    casesSeen.add(caseId);
    const item = newCase(sub, caseId, rowNumber, row, placeOf(row, rowNumber), negativeOf(row), config);
    const outcome = outcomeOfCase(String(item.status));
    caseItems.push(item);
    sourceItems.push(source(outcome));
    record(rowNumber, outcome);
  }
  return { outcomes, caseItems, sourceItems, errorItems, counts };
};

/**
 * What the intake use cases need from the outside world; `shared/adapters/intake-store.ts`
 * implements them on DynamoDB and S3, tests may pass fakes.
 */
import type { Readable } from 'node:stream';
import type { Submission, SubmissionCounts } from '../../domain/submission.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import type { Household } from '../../domain/household-schema.ts';
import type { AuditEntry } from '../../domain/audit.ts';
import type { FieldError, Place, StoredCase, StoredSource } from './decide-rows.ts';

export interface StoredSubmission extends Submission {
  /** The same file or batch came before: this submission wrote nothing. */
  readonly duplicateOf?: string;
  /** The last time an intake task reported progress; the resume schedule restarts stale ones. */
  readonly heartbeatAt?: string;
  /** File channel: when the S3 notification saw the object. */
  readonly objectStoredAt?: string;
  /** Intake executions that ended in failure (MarkIntakeFailed). */
  readonly failures?: number;
  /** The error name of the last failed run. */
  readonly lastError?: string;
  /** The user id of the pusher (absent on submissions written by other means, e.g. the board’s fixtures). */
  readonly createdBy?: string;
}

export interface RowErrorRecord {
  readonly rowNumber: number;
  readonly errors: readonly FieldError[];
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface SubmissionStore {
  /**
   * Writes a new submission with its content-hash claim, atomically; when the same department of the
   * county has sent this content before, writes nothing and answers the first submission's id.
   */
  createClaimed(
    submission: StoredSubmission,
  ): Promise<{ created: true } | { created: false; firstId: string }>;
  /** Writes a new submission whose content is not known yet (an announced file). */
  create(submission: StoredSubmission): Promise<void>;
  get(submissionId: string): Promise<StoredSubmission | undefined>;
  listOfDepartment(
    countyCode: string,
    department: string,
    page: PageRequest,
  ): Promise<Page<StoredSubmission>>;
  listOfCounty(countyCode: string, page: PageRequest): Promise<Page<StoredSubmission>>;
  /** Claims the content hash for the submission; answers the id that holds it (ours, or the first). */
  claimHash(countyCode: string, department: string, hash: string, submissionId: string): Promise<string>;
  update(submissionId: string, fields: Partial<StoredSubmission>): Promise<void>;
  /** Final status (done or refused): the submission leaves the list of open intakes. */
  finish(submissionId: string, fields: Partial<StoredSubmission>): Promise<void>;
  /** Chunk checkpoints, by chunk number. */
  chunks(submissionId: string): Promise<Map<number, SubmissionCounts>>;
  saveChunk(submissionId: string, chunk: number, counts: SubmissionCounts, at: string): Promise<void>;
  errors(submissionId: string, page: PageRequest): Promise<Page<RowErrorRecord>>;
  /** Submissions still received or processing. */
  openIntakes(): Promise<string[]>;
}

/** A household the intake registered for a person the registry did not know (counted by village). */
export interface RegisteredHousehold {
  readonly villageCode: string;
  readonly type: Household['type'];
  readonly persons: number;
}

/** The households a chunk registered, and the month (Asia/Shanghai) they were registered in. */
export interface ChunkRegistrations {
  readonly month: string;
  readonly households: readonly RegisteredHousehold[];
}

/** A resident-ID claim as the intake reads it. */
export interface StoredClaim {
  readonly householdId: string;
  readonly memberId?: string;
  /** Where the household is (claims written before they carried it have none). */
  readonly place?: Omit<Place, 'householdId' | 'memberId'>;
  /** The submission whose intake registered the person (its household may be lost to a crash). */
  readonly intakeSubmissionId?: string;
  /** The chunk of that submission which registered the person. */
  readonly intakeChunk?: number;
}

export interface IntakeRowStore {
  /** Resident-ID claims of the registry, by 18-character ID, with the household's place when the claim carries it. */
  claims(residentIds: readonly string[]): Promise<Map<string, StoredClaim>>;
  /** Where households are, by household id. */
  householdPlaces(householdIds: readonly string[]): Promise<Map<string, Omit<Place, 'householdId'>>>;
  cases(caseIds: readonly string[]): Promise<Map<string, StoredCase>>;
  /** By `keyText(sourceKeyOf(...))`. */
  sources(keys: readonly { pk: string; sk: string }[]): Promise<Map<string, StoredSource>>;
  /** The county's negative list: reason code by 18-character ID (read once per invocation). */
  negatives(countyCode: string): Promise<Map<string, string>>;
  /** The county's villages: code → name. */
  villages(countyCode: string): Promise<Map<string, string>>;
  put(items: readonly Record<string, unknown>[]): Promise<void>;
  /**
   * Claims each resident ID for a household with a conditional put (no transaction): a claim held
   * by another household stays. Answers the IDs now held by the asked household (won, or already ours).
   */
  claimNew(
    claims: readonly {
      residentId: string;
      householdId: string;
      memberId: string;
      place: Omit<Place, 'householdId' | 'memberId'>;
    }[],
    submissionId: string,
    chunk: number,
  ): Promise<Set<string>>;
  /**
   * Adds the households a chunk registered to the area counters, once per chunk (guarded by a
   * marker item in the same transaction: a rerun of the chunk adds nothing).
   */
  countRegistered(submissionId: string, chunk: number, registered: ChunkRegistrations): Promise<void>;
  /** Writes new households and their audit records, batched (after their claims were won). */
  putHouseholds(households: readonly Household[], audit: readonly AuditEntry[]): Promise<void>;
}

export interface RawContent {
  /** The stored file, as a stream (the file channel). */
  file(key: string): Promise<Readable>;
  size(key: string): Promise<number | undefined>;
  /** A stored JSON batch (the API channel). */
  batch(key: string): Promise<unknown[]>;
  putBatch(key: string, rows: readonly unknown[]): Promise<void>;
}

export interface IntakeDeps {
  readonly submissions: SubmissionStore;
  readonly rows: IntakeRowStore;
  readonly content: RawContent;
  readonly config: (countyCode: string, year: number) => Promise<YearConfig>;
  /** The board's missing-submission alert for the department and month is cleared. */
  readonly submissionReceived: (
    countyCode: string,
    department: string,
    dueMonth: string,
    at: Date,
  ) => Promise<void>;
}

/** What the cadence use cases need; the DynamoDB adapter is `shared/adapters/cadence-store.ts`. */
import type { AssessmentEntry, HouseholdRecords } from '../../domain/cadence/assessment.ts';
import type { ComparisonEntry, HouseholdFacts, MonthCase } from '../../domain/cadence/comparison.ts';
import type { ListHeader, ListKind } from '../../domain/cadence/list.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { Page, PageRequest } from '../registry/ports.ts';

/** A submission of the compared month (data period). */
export interface PeriodSubmission {
  readonly submissionId: string;
  readonly status: string;
  readonly receivedAt: string;
}

export interface MonitoredHouseholdRef {
  readonly householdId: string;
  readonly townCode: string;
  readonly villageCode: string;
  readonly headName: string;
}

/** Index reads only: by county and period, by county and type, by key. Never a table scan. */
export interface CadenceSources {
  /** The county's submissions of the data month (gsi2 `SUBS#<county>#<dueMonth>`). */
  submissions(countyCode: string, period: string): Promise<PeriodSubmission[]>;
  /** The referral cases those submissions created, each with its further reports from them. */
  casesOf(countyCode: string, submissions: readonly PeriodSubmission[]): Promise<MonthCase[]>;
  /** Households of the registry type `monitored` (gsi3 `COUNTY#<county>`, `HH#monitored#`). */
  monitoredHouseholds(countyCode: string): Promise<MonitoredHouseholdRef[]>;
  householdFacts(householdIds: readonly string[]): Promise<Map<string, HouseholdFacts>>;
  /** Each household's latest income record at or before `month`. */
  latestIncomes(
    householdIds: readonly string[],
    month: string,
  ): Promise<Map<string, { month: string; a34PerCapitaFen: number }>>;
  /** Households whose elimination was approved at or after `since` (the procedure index). */
  eliminatedSince(countyCode: string, since: string): Promise<string[]>;
  /** The monitoring partition (one query each) and head name of each household with a monitoring state. */
  householdRecords(householdIds: readonly string[]): Promise<HouseholdRecords[]>;
  config(countyCode: string, year: number): Promise<YearConfig>;
}

export interface StoredEntry {
  readonly villageCode: string;
  readonly entryKey: string;
  readonly body: ComparisonEntry | AssessmentEntry;
}

export interface EntryQuery {
  readonly kind: ListKind;
  readonly countyCode: string;
  readonly period: string;
  readonly runId: string;
  /** County, town or village: the entries under it. */
  readonly regionCode: string;
  /** Only entries whose attribute equals the value (e.g. `list`, `effect`). */
  readonly equals?: { readonly attribute: string; readonly value: string };
}

export interface CadenceListStore {
  /**
   * Writes the run's entries, then points the header at them unless a run started later is already
   * in force; deletes the entries of the runs before. Answers the header in force afterwards.
   */
  publish(header: ListHeader, entries: readonly StoredEntry[]): Promise<ListHeader>;
  header(kind: ListKind, countyCode: string, period: string): Promise<ListHeader | undefined>;
  /** The periods kept, newest first. */
  periods(kind: ListKind, countyCode: string): Promise<ListHeader[]>;
  entries(query: EntryQuery, page: PageRequest): Promise<Page<Record<string, unknown>>>;
  allEntries(query: EntryQuery): Promise<Record<string, unknown>[]>;
}

export interface CadenceDeps {
  readonly sources: CadenceSources;
  readonly lists: CadenceListStore;
  readonly newSuffix: () => string;
  /** Starts a run in the background (the `cadence-lists` state machine). */
  readonly startRun: (request: RunRequest) => Promise<void>;
  readonly regionNames: (countyCode: string) => Promise<Map<string, string>>;
}

export interface RunRequest {
  readonly kind: ListKind;
  readonly countyCode: string;
  readonly period: string;
  readonly runId: string;
  readonly startedAt: string;
  readonly requestedBy: string;
}

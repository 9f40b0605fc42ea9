/**
 * What the registry use cases need from the outside world. Adapters implement these
 * (`shared/adapters/household-store.ts`, `shared/adapters/audit-store.ts`); tests may pass fakes.
 */
import type { AuditEntry } from '../../domain/audit.ts';
import type { Household, HouseholdType, Member } from '../../domain/household-schema.ts';

export interface PageRequest {
  readonly limit: number;
  /** Opaque, from the previous page's `nextCursor`; a tampered cursor is a validation error. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

/** A resident-ID claim (one ID, one household at a time), changed with the households it concerns. */
export type ClaimChange =
  | {
      readonly kind: 'claim';
      readonly householdId: string;
      readonly member: Pick<Member, 'memberId' | 'name' | 'idNumber'>;
    }
  | { readonly kind: 'release'; readonly householdId: string; readonly member: Pick<Member, 'idNumber'> }
  | {
      readonly kind: 'repoint';
      readonly fromHouseholdId: string;
      readonly householdId: string;
      readonly member: Pick<Member, 'memberId' | 'idNumber'>;
    };

/**
 * A household written: a new one, or one changed from `before` (the household as read, whose
 * version is checked). `before` also gives the area counters their before-facet.
 */
export type HouseholdWrite =
  | { readonly household: Household; readonly expectedVersion?: undefined; readonly before?: undefined }
  | { readonly household: Household; readonly expectedVersion: number; readonly before: Household };

/** Everything one registry change writes, all or nothing. */
export interface RegistryChange {
  readonly households: readonly HouseholdWrite[];
  readonly claims: readonly ClaimChange[];
  readonly audit: readonly AuditEntry[];
  /** A village that must exist in the region table; `unknown` is thrown when it does not. */
  readonly village?: { readonly code: string; readonly unknown: Error };
}

export interface HouseholdListQuery {
  /** A county, town or village code: the list covers every household under it. */
  readonly regionCode: string;
  readonly type?: HouseholdType;
}

export interface HouseholdStore {
  get(householdId: string): Promise<Household | undefined>;
  /** Grouped by type, newest first within a type. */
  list(query: HouseholdListQuery, page: PageRequest): Promise<Page<Household>>;
  /**
   * Writes atomically. Throws Conflict `STALE_VERSION` (details: `currentVersion`) when a household
   * changed since it was read, Conflict `RESIDENT_ID_TAKEN` when an ID is claimed by another household.
   */
  save(change: RegistryChange): Promise<void>;
}

export interface PersonalDataReadQuery {
  readonly countyCode: string;
  /** ISO instants, from inclusive, to exclusive. */
  readonly from?: string;
  readonly to?: string;
}

export interface AuditStore {
  /** A household's audit records, oldest first. */
  history(householdId: string, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Records a read of full personal data; the read must fail when this fails. */
  recordPersonalDataRead(entry: AuditEntry): Promise<void>;
  /** Reads of full personal data in a county, newest first. */
  personalDataReads(query: PersonalDataReadQuery, page: PageRequest): Promise<Page<AuditEntry>>;
}

/** The use cases' dependencies: stores, clock and id source. */
export interface RegistryDeps {
  readonly households: HouseholdStore;
  readonly audit: AuditStore;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** What the notice use cases need; adapters in `shared/adapters/`. */
import type { Identity } from '../../auth/identity.ts';
import type { AlertStore } from '../../adapters/alert-store.ts';
import type { CalendarStore } from '../../adapters/calendar-store.ts';
import type { DeliberationStore } from '../../adapters/deliberation-store.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { NoticeStore } from '../../adapters/notice-store.ts';
import type { UploadStore } from '../../adapters/upload-store.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { HouseholdStore } from '../registry/ports.ts';

export interface NoticeDeps {
  readonly notices: NoticeStore;
  readonly deliberations: Pick<DeliberationStore, 'get'>;
  readonly households: Pick<HouseholdStore, 'get'>;
  readonly cases: Pick<FundCaseStore, 'get'>;
  readonly uploads: Pick<UploadStore, 'get'>;
  readonly config: { get(countyCode: string, year: number): Promise<YearConfig> };
  readonly calendars: Pick<CalendarStore, 'index'>;
  readonly alerts: Pick<AlertStore, 'raise'>;
  /** Names of a county's regions by code (for the printed notice). */
  readonly regionNames: (countyCode: string) => Promise<ReadonlyMap<string, string>>;
  readonly newId: () => string;
  /**
   * Told when an upheld objection withdraws a subject from its notice, after the notice is saved
   * (the payouts flag a green-channel advance of a withdrawn fund case for recovery).
   */
  readonly subjectWithdrawn?: (
    caller: Caller,
    subject: { subjectType: string; subjectId: string },
  ) => Promise<void>;
}

export interface Caller {
  readonly identity: Identity;
  readonly now: Date;
  readonly requestId?: string;
}

/** What the payout and fund use cases need; adapters in `shared/adapters/`. */
import type { FundCategory } from '../../domain/fund-case.ts';
import type { Identity } from '../../auth/identity.ts';
import type { AlertStore } from '../../adapters/alert-store.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { FundStore } from '../../adapters/fund-store.ts';
import type { NoticeStore } from '../../adapters/notice-store.ts';
import type { PayoutStore } from '../../adapters/payout-store.ts';
import type { VerificationStore } from '../../adapters/verification-store.ts';
import type { YearConfig } from '../../domain/year-config.ts';
import type { HouseholdStore } from '../registry/ports.ts';

export interface PayoutDeps {
  readonly payouts: PayoutStore;
  readonly funds: FundStore;
  readonly cases: Pick<FundCaseStore, 'get' | 'update'>;
  readonly notices: Pick<NoticeStore, 'subjectOutcome'>;
  readonly households: Pick<HouseholdStore, 'get'>;
  readonly verification: Pick<VerificationStore, 'resultsOfCase'>;
  readonly config: { get(countyCode: string, year: number): Promise<YearConfig> };
  readonly alerts: Pick<AlertStore, 'raise' | 'clear'>;
  readonly newId: () => string;
  /**
   * A disbursed payout becomes an assistance measure of the household (SPEC §4.4: prevention
   * insurance, A48) — idempotent per case, so a replayed confirmation repairs a missed one.
   */
  readonly recordMeasure?: (
    caller: Caller,
    paid: { householdId: string; caseId: string; category: FundCategory; amountFen: number; paidAt: string },
  ) => Promise<unknown>;
}

export interface Caller {
  readonly identity: Identity;
  readonly now: Date;
  readonly requestId?: string;
}

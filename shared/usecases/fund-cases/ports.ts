/** What the fund-case and negative-list use cases need; adapters in `shared/adapters/*-store.ts`. */
import type { Identity } from '../../auth/identity.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { NegativeListStore } from '../../adapters/negative-list-store.ts';

export interface FundCaseDeps {
  readonly cases: FundCaseStore;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface NegativeListDeps {
  readonly negativeList: NegativeListStore;
  readonly newId: () => string;
}

export interface Caller {
  readonly identity: Identity;
  readonly now: Date;
  readonly requestId?: string;
}

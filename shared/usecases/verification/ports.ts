/** What the verification use cases need; adapters in `shared/adapters/`. */
import type { AlertStore } from '../../adapters/alert-store.ts';
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { UploadRecord } from '../../adapters/upload-store.ts';
import type { VerificationStore } from '../../adapters/verification-store.ts';
import type { Household } from '../../domain/household-schema.ts';
import type { YearConfig } from '../../domain/year-config.ts';

export interface VerificationDeps {
  readonly cases: Pick<FundCaseStore, 'get' | 'list'>;
  readonly verification: VerificationStore;
  readonly uploads: { get(uploadId: string): Promise<UploadRecord | undefined> };
  readonly households: { get(householdId: string): Promise<Household | undefined> };
  readonly config: { get(countyCode: string, year: number): Promise<YearConfig> };
  readonly alerts: Pick<AlertStore, 'raise' | 'clear'>;
  readonly newId: () => string;
}

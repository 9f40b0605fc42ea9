/** What the sampling use cases need; adapters in `shared/adapters/sampling-*.ts` and `verification-store.ts`. */
import type { FundCaseStore } from '../../adapters/fund-case-store.ts';
import type { PopulationSnapshots, SamplingPlanStore } from '../../adapters/sampling-store.ts';
import type { VerificationStore } from '../../adapters/verification-store.ts';
import type { YearConfig } from '../../domain/year-config.ts';

export interface SamplingDeps {
  readonly plans: SamplingPlanStore;
  readonly snapshots: PopulationSnapshots;
  readonly verification: VerificationStore;
  readonly cases: Pick<FundCaseStore, 'get'>;
  readonly config: { get(countyCode: string, year: number): Promise<YearConfig> };
  readonly startDraw: (planId: string) => Promise<void>;
  readonly newId: () => string;
  /** A fresh random seed (hex) when the plan gives none. */
  readonly newSeed: () => string;
}

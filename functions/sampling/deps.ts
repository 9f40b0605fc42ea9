/** The sampling handlers' and tasks' dependencies on AWS: built once per Lambda container. */
import { randomBytes, randomUUID } from 'node:crypto';
import { configStore } from '../../shared/adapters/config-store.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { populationSnapshots, samplingPlanStore } from '../../shared/adapters/sampling-store.ts';
import { startSamplingDraw } from '../../shared/adapters/sampling-starter.ts';
import { verificationStore } from '../../shared/adapters/verification-store.ts';
import type { SamplingDeps } from '../../shared/usecases/sampling/ports.ts';

export const samplingDeps: SamplingDeps = {
  plans: samplingPlanStore,
  snapshots: populationSnapshots,
  verification: verificationStore,
  cases: fundCaseStore,
  config: configStore,
  startDraw: startSamplingDraw,
  newId: randomUUID,
  newSeed: () => randomBytes(16).toString('hex'),
};

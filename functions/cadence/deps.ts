/** The cadence handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { cadenceListStore } from '../../shared/adapters/cadence-store.ts';
import { cadenceSources } from '../../shared/adapters/cadence-sources.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import type { CadenceDeps } from '../../shared/usecases/cadence/ports.ts';
import { startCadenceRun } from './start-run.ts';

export const cadenceDeps: CadenceDeps = {
  sources: cadenceSources,
  lists: cadenceListStore,
  newSuffix: () => randomUUID().slice(0, 8),
  startRun: startCadenceRun,
  regionNames: async (countyCode) =>
    new Map((await regionStore.listCounty(countyCode)).map((r) => [r.code, r.name] as const)),
};

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

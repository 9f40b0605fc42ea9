/** The fund-case and negative-list handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { negativeListStore } from '../../shared/adapters/negative-list-store.ts';
import { monitoringStore } from '../../shared/adapters/monitoring-store.ts';
import type { FundCaseDeps, NegativeListDeps } from '../../shared/usecases/fund-cases/ports.ts';

export const fundCaseDeps: FundCaseDeps = {
  cases: fundCaseStore,
  monitoringOf: async (householdId) => {
    const records = await monitoringStore.household(householdId);
    const state = records.state;
    return {
      ...(state
        ? { status: state.status, category: state.category, monitoredSince: state.monitoredSince }
        : {}),
      ...(records.openLeadId ? { openLeadId: records.openLeadId } : {}),
      ...(records.openProcedureId ? { openProcedureId: records.openProcedureId } : {}),
    };
  },
  now: () => new Date(),
  newId: randomUUID,
};
export const negativeListDeps: NegativeListDeps = { negativeList: negativeListStore, newId: randomUUID };

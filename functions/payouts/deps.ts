/** The payout, fund and finance handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { fundStore } from '../../shared/adapters/fund-store.ts';
import { noticeStore } from '../../shared/adapters/notice-store.ts';
import { payoutStore } from '../../shared/adapters/payout-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { verificationStore } from '../../shared/adapters/verification-store.ts';
import type { ReportDeps } from '../../shared/usecases/finance/reports.ts';
import { recordFundPayoutMeasure } from '../../shared/usecases/monitoring/assistance.ts';
import { monitoringDeps } from '../monitoring/deps.ts';

export const payoutDeps: ReportDeps = {
  payouts: payoutStore,
  funds: fundStore,
  cases: fundCaseStore,
  notices: noticeStore,
  households: registryDeps.households,
  verification: verificationStore,
  config: configStore,
  alerts: dynamoAlertStore,
  regionNames: async (countyCode) =>
    new Map((await regionStore.listCounty(countyCode)).map((r) => [r.code, r.name] as const)),
  newId: randomUUID,
  recordMeasure: (caller, paid) => recordFundPayoutMeasure(monitoringDeps, caller, paid),
};

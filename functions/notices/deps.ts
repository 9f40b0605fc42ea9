/** The notice handlers' dependencies on AWS: built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { calendarStore } from '../../shared/adapters/calendar-store.ts';
import { configStore } from '../../shared/adapters/config-store.ts';
import { deliberationStore } from '../../shared/adapters/deliberation-store.ts';
import { fundCaseStore } from '../../shared/adapters/fund-case-store.ts';
import { noticeStore } from '../../shared/adapters/notice-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { registryDeps } from '../../shared/adapters/registry-deps.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import type { NoticeDeps } from '../../shared/usecases/notices/ports.ts';
import { flagCaseRecovery } from '../../shared/usecases/payouts/read.ts';
import { payoutDeps } from '../payouts/deps.ts';

export const noticeDeps: NoticeDeps = {
  notices: noticeStore,
  deliberations: deliberationStore,
  households: registryDeps.households,
  cases: fundCaseStore,
  uploads: dynamoUploadStore,
  config: configStore,
  calendars: calendarStore,
  alerts: dynamoAlertStore,
  regionNames: async (countyCode) =>
    new Map((await regionStore.listCounty(countyCode)).map((r) => [r.code, r.name] as const)),
  newId: randomUUID,
  subjectWithdrawn: async (caller, subject) => {
    if (subject.subjectType === 'fund_case') await flagCaseRecovery(payoutDeps, caller, subject.subjectId);
  },
};

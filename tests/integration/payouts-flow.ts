/**
 * Helpers of the payout and fund-ledger integration tests: a household and its fund case waiting
 * for deliberation (as verification leaves it), the deliberation and the notice through the API,
 * calls at an injected moment (`x-fpb-now`).
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { fundCaseItem, type FundCase } from '../../shared/domain/fund-case.ts';
import { householdBody, memberBody } from '../support/household-input.ts';
import { api } from './support/api.ts';
import { storedUpload } from './support/uploads.ts';

/** A JSON call as `user` at the given moment. */
export const call = async (user: string, method: string, path: string, now: string, body?: unknown) =>
  api(user).raw(method, path, {
    headers: {
      'x-fpb-now': new Date(now).toISOString(),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

export const newHousehold = async (type: 'general' | 'lifted' | 'monitored' = 'general') => {
  const created = await api('village.taihe').post('/households', householdBody({ type }));
  expect(created.status).toBe(201);
  return created.body as { householdId: string };
};

export interface CaseSpec {
  readonly category?: FundCase['category'];
  readonly amountFen: number;
  readonly eventDate?: string;
}

/** A Taihe household's fund case waiting for deliberation, written as verification leaves it. */
export const caseAwaiting = async (householdId: string, spec: CaseSpec): Promise<FundCase> => {
  const fundCase: FundCase = {
    caseId: randomUUID(),
    countyCode: '420702000000',
    townCode: '420702100000',
    villageCode: '420702100201',
    householdId,
    residentId: memberBody().idNumber,
    personName: '张三丰',
    category: spec.category ?? 'illness',
    eventDate: spec.eventDate ?? '2026-08-01',
    amountFen: spec.amountFen,
    origin: 'referral',
    status: 'awaiting_deliberation',
    screenReasons: [],
    createdAt: '2026-08-10T01:00:00.000Z',
    updatedAt: '2026-09-20T01:00:00.000Z',
    version: 3,
  };
  await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: fundCaseItem(fundCase) }));
  return fundCase;
};

const uploadMinutes = (deliberationId: string) =>
  storedUpload('village.taihe', {
    kind: 'deliberation_minutes',
    ownerId: deliberationId,
    fileName: '评议记录.pdf',
  });

/** 2026-09-30 10:00 Beijing: a 7-day notice ends 2026-10-08 24:00 (National Day counted). */
export const POSTED = '2026-09-30T10:00:00+08:00';
export const AFTER_END = '2026-10-09T09:00:00+08:00';

/** Deliberates the cases (all passed) on 2026-09-29 and posts them on a notice at POSTED. */
export const deliberateAndPost = async (cases: readonly FundCase[]): Promise<{ noticeId: string }> => {
  const deliberationId = randomUUID();
  const minutesUploadId = await uploadMinutes(deliberationId);
  const recorded = await call('village.taihe', 'POST', '/deliberations', '2026-09-29T15:00:00+08:00', {
    deliberationId,
    meetingDate: '2026-09-29',
    membersPresent: ['王书记', '李主任', '张委员', '赵组长', '刘代表'],
    minutesUploadId,
    outcomes: cases.map((c) => ({
      subjectType: 'fund_case',
      subjectId: c.caseId,
      householdId: c.householdId,
      outcome: 'passed',
    })),
  });
  expect(recorded.status).toBe(201);
  const noticeId = randomUUID();
  const notice = await call('village.taihe', 'POST', '/notices', POSTED, {
    noticeId,
    deliberationId,
    kind: 'fund',
    subjectIds: cases.map((c) => c.caseId),
    objectionContact: '村委会 0711-1234567',
  });
  expect(notice.status).toBe(201);
  return { noticeId };
};

export const closeNotice = async (noticeId: string, at = AFTER_END) => {
  const closed = await call('county.staff', 'POST', `/notices/${noticeId}/close`, at);
  expect(closed.status).toBe(200);
};

export const fundOf = async (fundId: string) => {
  const fund = await api('finance').get(`/funds/${fundId}`);
  expect(fund.status).toBe(200);
  return fund.body as {
    depositsFen: number;
    reservedFen: number;
    disbursedFen: number;
    availableFen: number;
    updatedAt: string;
  };
};

/** Proposes, approves (by each approver) and releases a payout in a batch; returns its id. */
export const approvedAndReleased = async (
  caseId: string,
  approvers: readonly string[] = ['county.staff'],
) => {
  const payoutId = randomUUID();
  const proposed = await api('county.staff').post(`/fund-cases/${caseId}/payout`, { payoutId });
  expect(proposed.status).toBe(201);
  for (const user of approvers)
    expect((await api(user).post(`/payouts/${payoutId}/approve`)).status).toBe(200);
  const batch = await api('insurer.manager').post('/disbursement-batches', {
    batchId: randomUUID(),
    payoutIds: [payoutId],
  });
  expect(batch.status).toBe(201);
  return payoutId;
};

/**
 * A disaster case (loss `lossFen`, event in `year`) of a new Taihe household on the green channel
 * (no notice needed before its payout), its payout proposed; the fund of `year` pays it.
 */
export const proposedGreenChannelDisaster = async (
  year: number,
  lossFen: number,
  type: 'general' | 'lifted' = 'general',
) => {
  const household = await newHousehold(type);
  const fundCase = await caseAwaiting(household.householdId, {
    category: 'disaster',
    amountFen: lossFen,
    eventDate: `${year}-05-20`,
  });
  const marked = await api('county.staff').post(`/fund-cases/${fundCase.caseId}/green-channel`, {
    reason: '暴雨致房屋倒塌，事实清楚',
    version: 3,
  });
  expect(marked.status).toBe(200);
  const payoutId = randomUUID();
  const proposed = await api('county.staff').post(`/fund-cases/${fundCase.caseId}/payout`, { payoutId });
  expect(proposed.status).toBe(201);
  return {
    payoutId,
    caseId: fundCase.caseId,
    householdId: household.householdId,
    payoutFen: proposed.body.payoutFen as number,
  };
};

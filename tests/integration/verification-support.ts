/**
 * Fixtures of the verification and sampling tests: cases waiting for verification written as the
 * intake writes them, evidence uploaded through presigned URLs, a valid result body, and requests
 * at a chosen time (`x-fpb-now`, honoured because the test runtime allows the clock override).
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { fundCaseItem, type FundCase } from '../../shared/domain/fund-case.ts';
import { TAIHE_VILLAGE } from '../support/household-input.ts';
import { randomResidentId } from '../support/resident-ids.ts';
import { waitFor } from '../support/wait-for.ts';
import { api, type ApiResult } from './support/api.ts';

export const COUNTY = '420702000000';

/** A case waiting for verification, as the intake leaves it. */
export const seedAwaitingCase = async (overrides: Partial<FundCase> = {}): Promise<FundCase> => {
  const villageCode = overrides.villageCode ?? TAIHE_VILLAGE;
  const at = overrides.createdAt ?? new Date().toISOString();
  const c: FundCase = {
    caseId: randomUUID(),
    countyCode: COUNTY,
    townCode: `${villageCode.slice(0, 9)}000`,
    villageCode,
    householdId: randomUUID(),
    residentId: randomResidentId(),
    personName: '刘大山',
    category: 'illness',
    eventDate: '2026-10-12',
    amountFen: 1_280_000,
    origin: 'referral',
    status: 'awaiting_verification',
    screenReasons: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
  await dynamo.send(new PutCommand({ TableName: tableName.main(), Item: fundCaseItem(c) }));
  return c;
};

/** Sends a JSON request as a user at a given time. */
export const at = (username: string, now?: string) => {
  const headers = (extra: Record<string, string> = {}) => ({
    ...extra,
    ...(now ? { 'x-fpb-now': now } : {}),
  });
  return {
    get: (path: string): Promise<ApiResult> => api(username).raw('GET', path, { headers: headers() }),
    post: (path: string, body: unknown): Promise<ApiResult> =>
      api(username).raw('POST', path, {
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      }),
  };
};

/** Uploads a small file for a case through the presigned URL and waits until it is stored. */
export const uploadEvidence = async (
  username: string,
  caseId: string,
  kind: 'verification_evidence' | 'reinspection_evidence' = 'verification_evidence',
  contentType = 'image/jpeg',
): Promise<string> => {
  const bytes = Buffer.from(`evidence of ${caseId} ${randomUUID()}`);
  const ticket = await api(username).post('/uploads', {
    kind,
    ownerId: caseId,
    fileName: '入户照片.jpg',
    contentType,
    size: bytes.length,
  });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: bytes });
  expect(put.status).toBe(200);
  await waitFor(
    async () => {
      const upload = await api(username).get(`/uploads/${ticket.body.uploadId}`);
      return upload.body.status === 'stored' ? true : undefined;
    },
    { timeoutMs: 10_000, what: `upload ${ticket.body.uploadId} stored` },
  );
  return ticket.body.uploadId;
};

/**
 * A household of three found at home: 24,000 yuan net income, 12,000 yuan self-paid medical
 * costs, 1,000 yuan claims → A37 13,000 yuan, A38 4,333.33 yuan a head, under the 5,200 line.
 */
export const resultBody = (evidence: string[], overrides: Record<string, unknown> = {}) => ({
  visitedOn: '2026-10-20',
  membersFound: [
    {
      name: '刘大山',
      residentId: randomResidentId(),
      relation: 'head',
      labour: 'weak',
      health: 'serious_illness',
    },
    {
      name: '王秀英',
      residentId: randomResidentId(),
      relation: 'spouse',
      labour: 'general',
      health: 'healthy',
    },
    { name: '刘小明', residentId: randomResidentId(), relation: 'son', labour: 'none', health: 'healthy' },
  ],
  income: {
    a28WagesFen: 1_800_000,
    a29BusinessFen: 500_000,
    a30PropertyFen: 0,
    a31TransferFen: 300_000,
    a32BusinessExpensesFen: 200_000,
    a35ClaimIncomeFen: 100_000,
    a36SelfPaidFen: 1_200_000,
  },
  stableIncome: true,
  expenditure: {
    category: 'illness',
    items: [{ description: '住院自付医疗费用', amountFen: 1_200_000, uploadIds: [] }],
  },
  assets: { depositsFen: 300_000 },
  investigators: [
    { name: '王核查', username: 'adjuster.wang' },
    { name: '太和村 村支书', username: 'village.taihe' },
  ],
  conclusion: { eligible: true, proposedCategory: 'illness', reason: '因病自付费用高，人均收入低于保障线' },
  evidence,
  ...overrides,
});

/** Assigns one case and checks it went through. */
export const assign = async (caseId: string, adjuster: string, now?: string) => {
  const result = await at('insurer.manager', now).post('/verification-tasks', {
    caseIds: [caseId],
    adjuster,
  });
  expect(result.status).toBe(200);
  expect(result.body.failed).toEqual([]);
  return result.body.assigned[0];
};

/** Assigns, uploads evidence and submits a result as the adjuster. */
export const verify = async (
  caseId: string,
  adjuster: string,
  now?: string,
  overrides: Record<string, unknown> = {},
) => {
  await assign(caseId, adjuster, now);
  const evidence = [await uploadEvidence(adjuster, caseId)];
  const result = await at(adjuster, now).post(
    `/verifications/${caseId}/results`,
    resultBody(evidence, overrides),
  );
  expect(result.status).toBe(201);
  return result.body;
};

export const caseStatus = async (caseId: string) => {
  const found = await api('county.staff').get(`/fund-cases/${caseId}`);
  expect(found.status).toBe(200);
  return found.body as FundCase;
};

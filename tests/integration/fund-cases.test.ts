import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { fundCaseItem, type FundCase } from '../../shared/domain/fund-case.ts';
import { maskResidentId } from '../../shared/domain/mask.ts';
import { api } from './support/api.ts';
import { DONGGOU_VILLAGE, SHAOJIALONG_VILLAGE, TAIHE_VILLAGE } from '../support/household-input.ts';
import { randomResidentId } from '../support/resident-ids.ts';

const townOf = (village: string) => `${village.slice(0, 9)}000`;

/** A screened-out referral case as the intake pipeline writes it, with one source row. */
const seedCase = async (overrides: Partial<FundCase> = {}): Promise<FundCase> => {
  const villageCode = overrides.villageCode ?? TAIHE_VILLAGE;
  const at = new Date().toISOString();
  const c: FundCase = {
    caseId: randomUUID(),
    countyCode: '420702000000',
    townCode: townOf(villageCode),
    villageCode,
    householdId: randomUUID(),
    residentId: randomResidentId(),
    personName: '王大锤',
    category: 'illness',
    eventDate: '2026-10-12',
    amountFen: 320_000,
    origin: 'referral',
    status: 'screened_out',
    screenReasons: [
      {
        code: 'AMOUNT_NOT_ABOVE_DEDUCTIBLE',
        message: '金额未超过起付线：因病金额 3,200 元，起付线 5,000 元',
      },
    ],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
  await dynamo.send(
    new PutCommand({
      TableName: tableName.main(),
      Item: { ...fundCaseItem(c), intakeSubmissionId: 'sub-1', intakeRowNumber: 7 },
    }),
  );
  await dynamo.send(
    new PutCommand({
      TableName: tableName.main(),
      Item: {
        pk: `CASE#${c.caseId}`,
        sk: 'SRC#medical_insurance#MI-2026-10-0007',
        department: 'medical_insurance',
        sourceRef: 'MI-2026-10-0007',
        submissionId: 'sub-1',
        rowNumber: 7,
        amountFen: c.amountFen,
      },
    }),
  );
  return c;
};

const listAll = async (username: string, query: string) => {
  const items: FundCase[] = [];
  let cursor: string | undefined;
  do {
    const result = await api(username).get(
      `/fund-cases?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(result.status).toBe(200);
    items.push(...result.body.items);
    cursor = result.body.nextCursor;
  } while (cursor);
  return items;
};

describe('fund cases: lists and details in scope, masked', () => {
  it('lists a village’s screened-out case to its cadre, its town and the county, masked', async () => {
    const c = await seedCase();
    for (const user of ['village.taihe', 'town.taihe', 'county.staff', 'auditor']) {
      const found = (await listAll(user, 'status=screened_out')).find((x) => x.caseId === c.caseId);
      expect(found, user).toMatchObject({
        caseId: c.caseId,
        personName: '王**',
        residentId: maskResidentId(c.residentId),
        status: 'screened_out',
        amountFen: 320_000,
      });
    }
    const elsewhere = await listAll('village.shaojialong', 'status=screened_out');
    expect(elsewhere.some((x) => x.caseId === c.caseId)).toBe(false);
    expect((await listAll('town.donggou', 'category=illness')).some((x) => x.caseId === c.caseId)).toBe(
      false,
    );
    const otherStatus = await listAll('county.staff', 'status=awaiting_verification');
    expect(otherStatus.some((x) => x.caseId === c.caseId)).toBe(false);
    const otherCategory = await listAll('county.staff', 'category=schooling');
    expect(otherCategory.some((x) => x.caseId === c.caseId)).toBe(false);
  });

  it('narrows by village inside the caller’s scope; a village outside it is 404', async () => {
    const c = await seedCase({ villageCode: SHAOJIALONG_VILLAGE });
    const inTown = await listAll('town.taihe', `villageCode=${SHAOJIALONG_VILLAGE}`);
    expect(inTown.some((x) => x.caseId === c.caseId)).toBe(true);
    expect(inTown.every((x) => x.villageCode === SHAOJIALONG_VILLAGE)).toBe(true);
    expect((await api('town.taihe').get(`/fund-cases?villageCode=${DONGGOU_VILLAGE}`)).status).toBe(404);
    expect((await api('village.taihe').get(`/fund-cases?townCode=420702100000`)).status).toBe(200);
  });

  it('shows the detail with source rows, reasons and the household; another village gets 404', async () => {
    const c = await seedCase();
    const detail = await api('village.taihe').get(`/fund-cases/${c.caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      caseId: c.caseId,
      householdId: c.householdId,
      personName: '王**',
      residentId: maskResidentId(c.residentId),
      screenReasons: c.screenReasons,
      sources: [
        {
          department: 'medical_insurance',
          sourceRef: 'MI-2026-10-0007',
          submissionId: 'sub-1',
          rowNumber: 7,
          amountFen: 320_000,
        },
      ],
    });
    expect(JSON.stringify(detail.body)).not.toContain(c.residentId);
    expect((await api('village.shaojialong').get(`/fund-cases/${c.caseId}`)).status).toBe(404);
    expect((await api('other.county.staff').get(`/fund-cases/${c.caseId}`)).status).toBe(404);
    expect((await api('county.staff').get(`/fund-cases/${randomUUID()}`)).status).toBe(404);
  });

  it('shows the insurer manager only its county’s cases awaiting verification', async () => {
    const screened = await seedCase();
    const waiting = await seedCase({ status: 'awaiting_verification', screenReasons: [] });
    const seen = await listAll('insurer.manager', 'category=illness');
    expect(seen.some((x) => x.caseId === waiting.caseId)).toBe(true);
    expect(seen.some((x) => x.caseId === screened.caseId)).toBe(false);
    expect(seen.every((x) => x.status === 'awaiting_verification')).toBe(true);
    expect((await api('insurer.manager').get(`/fund-cases/${screened.caseId}`)).status).toBe(404);
    expect((await api('insurer.manager').get(`/fund-cases/${waiting.caseId}`)).status).toBe(200);
    expect((await api('insurer.manager').get('/fund-cases?status=screened_out')).body.items).toEqual([]);
  });
});

describe('sending a screened-out case on', () => {
  it('moves it to awaiting verification with who and why, in the status indexes, audited', async () => {
    const c = await seedCase();
    const sent = await api('village.taihe').post(`/fund-cases/${c.caseId}/send-on`, {
      reason: '户主长期透析，实际负担重',
      version: 1,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      caseId: c.caseId,
      status: 'awaiting_verification',
      sentOnBy: 'village.taihe',
      sentOnReason: '户主长期透析，实际负担重',
      version: 2,
      personName: '王**',
    });
    const waiting = await listAll('village.taihe', 'status=awaiting_verification');
    expect(waiting.find((x) => x.caseId === c.caseId)?.status).toBe('awaiting_verification');
    const screened = await listAll('village.taihe', 'status=screened_out');
    expect(screened.some((x) => x.caseId === c.caseId)).toBe(false);

    const stored = await dynamo.send(
      new GetCommand({ TableName: tableName.main(), Key: { pk: `CASE#${c.caseId}`, sk: 'CASE' } }),
    );
    expect(stored.Item).toMatchObject({
      status: 'awaiting_verification',
      gsi1sk: `awaiting_verification#${c.createdAt}#${c.caseId}`,
      gsi3sk: `awaiting_verification#${c.createdAt}#${c.caseId}`,
      intakeSubmissionId: 'sub-1',
      intakeRowNumber: 7,
      residentId: c.residentId,
    });

    const audit = await dynamo.send(
      new QueryCommand({
        TableName: tableName.audit(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ENTITY#fundCase#${c.caseId}` },
      }),
    );
    expect(audit.Items?.map((i) => [i.action, i.actor.username])).toEqual([
      ['fund_case.sent_on', 'village.taihe'],
    ]);
    expect(JSON.stringify(audit.Items)).not.toContain(c.residentId);

    const again = await api('village.taihe').post(`/fund-cases/${c.caseId}/send-on`, {
      reason: '再次',
      version: 2,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_NOT_SCREENED_OUT');
    expect(again.body.message).toContain('未被筛除');
  });

  it('checks the version: 409 STALE_VERSION', async () => {
    const c = await seedCase({ version: 3 });
    const stale = await api('town.taihe').post(`/fund-cases/${c.caseId}/send-on`, {
      reason: '复核',
      version: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 3 });
  });

  it('lets the town send on in its town; not another village’s cadre (404) nor the auditor (403)', async () => {
    const c = await seedCase({ villageCode: SHAOJIALONG_VILLAGE });
    expect(
      (await api('village.taihe').post(`/fund-cases/${c.caseId}/send-on`, { reason: '越权', version: 1 }))
        .status,
    ).toBe(404);
    expect(
      (await api('town.donggou').post(`/fund-cases/${c.caseId}/send-on`, { reason: '越权', version: 1 }))
        .status,
    ).toBe(404);
    const auditor = await api('auditor').post(`/fund-cases/${c.caseId}/send-on`, {
      reason: '只读',
      version: 1,
    });
    expect(auditor.status).toBe(403);
    const town = await api('town.taihe').post(`/fund-cases/${c.caseId}/send-on`, {
      reason: '镇复核后报送',
      version: 1,
    });
    expect(town.status).toBe(200);
    expect(town.body.sentOnBy).toBe('town.taihe');
  });

  it('asks for a reason (400 with the field path)', async () => {
    const c = await seedCase();
    const result = await api('village.taihe').post(`/fund-cases/${c.caseId}/send-on`, {
      reason: ' ',
      version: 1,
    });
    expect(result.status).toBe(400);
    expect(result.body.issues).toEqual([{ path: 'body.reason', message: '请填写仍需报送的理由' }]);
  });
});

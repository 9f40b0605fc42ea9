/**
 * The cadence lists through the gateway, in a county of this file's own (its towns and villages
 * written as region items, no county item so no other test's county-wide schedule sees it; users
 * signed by the local issuer with that county's scope): two departments push March 2031, one of
 * their households is made monitored afterwards, monitored households get incomes above and at the
 * line; the month's comparison list is run, read per scope, downloaded and run again (same list,
 * old run deleted); the first quarter's assessment list with one assessment recorded, one missing,
 * an elimination during the quarter and a household monitored only after it; roles and scope.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from '../../shared/intake/exceljs.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { householdItem } from '../../shared/adapters/household-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { withoutKeys } from '../../shared/adapters/item-keys.ts';
import type { Household } from '../../shared/domain/household-schema.ts';
import {
  measureItem,
  stateItem,
  type HouseholdMonitoring,
} from '../../shared/domain/monitoring/household-monitoring.ts';
import { procedureItem } from '../../shared/domain/monitoring/procedure.ts';
import { referralCaseId } from '../../shared/domain/fund-case.ts';
import { maskResidentId } from '../../shared/domain/mask.ts';
import type { Role } from '../../shared/auth/roles.ts';
import type { ScopeAttributes } from '../../shared/auth/identity.ts';
import { createIssuer, type LocalIssuer } from '../../infra/local/issuer.ts';
import { api, baseUrl, runStateMachine, type ApiResult } from './support/api.ts';
import { dynamoCadenceListStore } from '../../shared/adapters/cadence-store.ts';
import { waitFor } from '../support/wait-for.ts';
import { randomResidentId } from '../support/resident-ids.ts';
import { householdBody } from '../support/household-input.ts';

const C6 = `43${String(Math.floor(Math.random() * 9000) + 1000)}`;
const COUNTY = `${C6}000000`;
const TOWN1 = `${C6}100000`;
const TOWN2 = `${C6}101000`;
const V1 = `${C6}100201`;
const V2 = `${C6}100202`;
const V3 = `${C6}101201`;
const PUSHED_AT = '2031-04-03T02:00:00.000Z';
const RUN_AT = '2031-04-08T03:00:00.000Z';
const RERUN_AT = '2031-04-09T03:00:00.000Z';
const LINE = 690_000;

let issuer: LocalIssuer;
const tokens = new Map<string, string>();
const USERS: Record<string, { role: Role; scope: ScopeAttributes }> = {
  staff: { role: 'county_staff', scope: { countyCode: COUNTY } },
  auditor: { role: 'auditor', scope: { countyCode: COUNTY } },
  town1: { role: 'town_official', scope: { countyCode: COUNTY, townCode: TOWN1 } },
  village1: { role: 'village_cadre', scope: { countyCode: COUNTY, townCode: TOWN1, villageCode: V1 } },
  village2: { role: 'village_cadre', scope: { countyCode: COUNTY, townCode: TOWN1, villageCode: V2 } },
  medical: { role: 'department', scope: { countyCode: COUNTY, department: 'medical_insurance' } },
  civil: { role: 'department', scope: { countyCode: COUNTY, department: 'civil_affairs' } },
};

const as = (user: string, now?: string) => {
  const token = tokens.get(user);
  if (!token) throw new Error(`no token for ${user}`);
  const headers = { 'content-type': 'application/json', ...(now ? { 'x-fpb-now': now } : {}) };
  return {
    get: (path: string) => api(undefined, { token }).raw('GET', path, { headers }),
    post: (path: string, body?: unknown) =>
      api(undefined, { token }).raw('POST', path, {
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
};

const put = (item: Record<string, unknown>) =>
  dynamo.send(new PutCommand({ TableName: tableName.main(), Item: item }));
const get = async (pk: string, sk: string) =>
  (await dynamo.send(new GetCommand({ TableName: tableName.main(), Key: { pk, sk } }))).Item;

const monitoringState = (
  householdId: string,
  villageCode: string,
  overrides: Partial<HouseholdMonitoring> = {},
): HouseholdMonitoring => ({
  householdId,
  countyCode: COUNTY,
  townCode: `${villageCode.slice(0, 9)}000`,
  villageCode,
  status: 'monitored',
  category: 'marginal',
  categoryReasons: ['测试'],
  risks: ['illness'],
  monitoredSince: '2030-12-01T02:00:00.000Z',
  planId: randomUUID(),
  typeBefore: 'general',
  greenChannel: false,
  rollbacks: [],
  updatedAt: '2030-12-01T02:00:00.000Z',
  version: 1,
  ...overrides,
});

/** A household of three, created through the API, and its monitoring state written with the item maker. */
const household = async (
  villageCode: string,
  type: 'general' | 'monitored',
  state?: Partial<HouseholdMonitoring>,
) => {
  const created = await as('staff').post('/households', householdBody({ villageCode, type }));
  expect(created.status).toBe(201);
  const householdId = created.body.householdId as string;
  if (state) await put(stateItem(monitoringState(householdId, villageCode, state)));
  return householdId;
};

/** Makes a household the intake created monitored: registry type and monitoring state (its store's items). */
const makeMonitored = async (householdId: string, villageCode: string, since: string) => {
  const item = await get(`HH#${householdId}`, 'HH');
  if (!item) throw new Error('household missing');
  const before = withoutKeys(item) as Household;
  await put(householdItem({ ...before, type: 'monitored', version: before.version + 1 }));
  await put(stateItem(monitoringState(householdId, villageCode, { monitoredSince: since })));
};

/** An income of a 3-person household whose per-capita A34 is `a34` fen. */
const income = (user: string, householdId: string, month: string, a34: number) =>
  as(user, `${month}-20T02:00:00.000Z`).post(`/monitoring/households/${householdId}/incomes`, {
    month,
    components: {
      a28WagesFen: a34 * 3,
      a29BusinessFen: 0,
      a30PropertyFen: 0,
      a31TransferFen: 0,
      a32BusinessExpensesFen: 0,
    },
  });

const row = (residentId: string, villageCode: string, overrides: Record<string, unknown> = {}) => ({
  residentId,
  name: '王大锤',
  villageCode,
  category: 'illness',
  amountFen: 1_280_000,
  eventDate: '2031-03-08',
  sourceRef: `SRC-${randomUUID().slice(0, 8)}`,
  ...overrides,
});

const pushed = async (user: string, rows: unknown[], now: string, period = '2031-03') => {
  const response = await as(user, now).post('/submissions', { period, rows });
  expect(response.status).toBeLessThan(300);
  const submissionId = response.body.submissionId as string;
  return waitFor(
    async () => {
      const result = await as(user).get(`/submissions/${submissionId}`);
      return result.body.status === 'done' ? result.body : undefined;
    },
    { timeoutMs: 30_000, what: `submission ${submissionId} done` },
  );
};

const caseIdOf = (residentId: string, category = 'illness', eventDate = '2031-03-08') =>
  referralCaseId({ countyCode: COUNTY, residentId, category: category as 'illness', eventDate });

/** Runs a period through the API and waits until its header points at the new run. */
const runAndWait = async (path: string, now: string): Promise<ApiResult> => {
  const started = await as('staff', now).post(`${path}/run`);
  expect(started.status).toBe(202);
  return waitFor(
    async () => {
      const read = await as('staff').get(`${path}?limit=200`);
      return read.status === 200 && read.body.header.runId === started.body.runId ? read : undefined;
    },
    { timeoutMs: 30_000, what: `${path} run ${started.body.runId as string}` },
  );
};

const p1 = randomResidentId();
const p2 = randomResidentId();
const p4 = randomResidentId();
const ids = { hm1: '', hm2: '', hm3: '', he: '', hp2: '', hp1: '', hp4: '', p3: '' };

beforeAll(async () => {
  const runtime = inject('localRuntime');
  issuer = await createIssuer({
    keyDir: runtime.issuer.keyDir,
    issuer: runtime.issuer.issuer,
    audience: runtime.issuer.audience,
  });
  for (const [name, user] of Object.entries(USERS))
    tokens.set(
      name,
      await issuer.signAccessToken({
        username: `cadence.${name}`,
        userId: randomUUID(),
        role: user.role,
        displayName: name,
        scope: user.scope,
      }),
    );
  for (const [code, name, level, parentCode] of [
    [TOWN1, '比对一镇', 'town', COUNTY],
    [TOWN2, '比对二镇', 'town', COUNTY],
    [V1, '甲村', 'village', TOWN1],
    [V2, '乙村', 'village', TOWN1],
    [V3, '丙村', 'village', TOWN2],
  ] as const)
    await regionStore.put({ code, name, level, parentCode });

  ids.hm1 = await household(V1, 'monitored', {});
  ids.hm2 = await household(V2, 'monitored', {});
  const hm3 = householdBody({ villageCode: V2, type: 'monitored' });
  const created = await as('staff').post('/households', hm3);
  expect(created.status).toBe(201);
  ids.hm3 = created.body.householdId;
  ids.p3 = hm3.members[0]?.idNumber ?? '';
  await put(stateItem(monitoringState(ids.hm3, V2)));
  ids.he = await household(V3, 'general', {
    status: 'eliminated',
    eliminatedAt: '2031-02-15T02:00:00.000Z',
    eliminationMethod: 'assistance',
  });
  await put(
    procedureItem({
      procedureId: randomUUID(),
      kind: 'elimination',
      status: 'completed',
      householdId: ids.he,
      countyCode: COUNTY,
      townCode: TOWN2,
      villageCode: V3,
      openedAt: '2031-01-20T02:00:00.000Z',
      openedBy: 'cadence.village',
      greenChannel: false,
      steps: {},
      outcome: { at: '2031-02-15T02:00:00.000Z', result: 'approved' },
      updatedAt: '2031-02-15T02:00:00.000Z',
      version: 6,
    }),
  );
  await put(
    measureItem({
      householdId: ids.hm1,
      measureId: 'm-health',
      code: 'health',
      label: '健康帮扶',
      field: 'A45',
      group: 'guarantees',
      risk: 'illness',
      ownerDepartment: 'medical_insurance',
      status: 'in_progress',
      greenChannel: false,
      createdAt: '2031-01-05T02:00:00.000Z',
      createdBy: 'cadence.staff',
      updatedAt: '2031-01-05T02:00:00.000Z',
      version: 1,
    } as never),
  );

  expect((await income('staff', ids.hm1, '2030-12', 600_000)).status).toBe(201);
  expect((await income('staff', ids.hm1, '2031-03', LINE + 1)).status).toBe(201);
  expect((await income('staff', ids.hm2, '2031-02', LINE)).status).toBe(201);
  const assessed = await as('staff', '2031-03-28T02:00:00.000Z').post(
    `/monitoring/households/${ids.hm1}/assessments`,
    { quarter: '2031-Q1', effect: 'good', note: '收入稳定' },
  );
  expect(assessed.status).toBe(201);

  await pushed(
    'medical',
    [
      row(p1, V1),
      row(p2, V3, { category: 'disaster', disasterKind: 'flood', amountFen: 900_000 }),
      row(ids.p3, V2),
      row(p4, V3),
    ],
    PUSHED_AT,
  );
  await pushed('civil', [row(p1, V1, { sourceRef: 'MZ-0001' })], '2031-04-03T02:05:00.000Z');
  const claim = async (residentId: string) => String((await get(`RID#${residentId}`, 'RID'))?.householdId);
  ids.hp1 = await claim(p1);
  ids.hp2 = await claim(p2);
  ids.hp4 = await claim(p4);
  await makeMonitored(ids.hp2, V3, '2031-04-05T02:00:00.000Z');
}, 120_000);

describe('the monthly data comparison of March 2031', () => {
  let first: ApiResult;
  beforeAll(async () => {
    first = await runAndWait('/cadence/comparisons/2031-03', RUN_AT);
  }, 60_000);

  it('lists the people in department data who are not monitored and the monitored household above the line', () => {
    expect(first.body.header).toMatchObject({
      kind: 'comparison',
      period: '2031-03',
      regionCode: COUNTY,
      counts: {
        entries: 3,
        not_monitored: 2,
        income_above_line: 1,
        departmentRows: 4,
        monitoredHouseholds: 4,
        submissions: 2,
      },
      byTown: {
        [TOWN1]: { entries: 2, not_monitored: 1, income_above_line: 1 },
        [TOWN2]: { entries: 1, not_monitored: 1 },
      },
      notes: [],
    });
    expect(first.body.items).toEqual([
      {
        entryKey: `A#${caseIdOf(p1)}`,
        list: 'not_monitored',
        householdId: ids.hp1,
        townCode: TOWN1,
        villageCode: V1,
        caseId: caseIdOf(p1),
        personName: '王**',
        residentId: maskResidentId(p1),
        departments: ['医保局', '民政局'],
        category: 'illness',
        eventDate: '2031-03-08',
        amountFen: 1_280_000,
        caseStatus: 'awaiting_verification',
        householdType: 'general',
        reasons: [
          '医保局、民政局推送的因病数据中有此人（事件日期 2031-03-08，金额 12,800 元），其家庭未纳入监测（一般农户）',
        ],
      },
      {
        entryKey: `B#${ids.hm1}`,
        list: 'income_above_line',
        householdId: ids.hm1,
        townCode: TOWN1,
        villageCode: V1,
        headName: '张**',
        householdType: 'monitored',
        monitoringStatus: 'monitored',
        incomeMonth: '2031-03',
        a34PerCapitaFen: 690_001,
        monitoringLineFen: LINE,
        reasons: ['最新收入记录（2031-03）家庭人均纯收入（A34）6,900.01 元，高于监测线 6,900 元'],
      },
      {
        entryKey: `A#${caseIdOf(p4)}`,
        list: 'not_monitored',
        householdId: ids.hp4,
        townCode: TOWN2,
        villageCode: V3,
        caseId: caseIdOf(p4),
        personName: '王**',
        residentId: maskResidentId(p4),
        departments: ['医保局'],
        category: 'illness',
        eventDate: '2031-03-08',
        amountFen: 1_280_000,
        caseStatus: 'awaiting_verification',
        householdType: 'general',
        reasons: [
          '医保局推送的因病数据中有此人（事件日期 2031-03-08，金额 12,800 元），其家庭未纳入监测（一般农户）',
        ],
      },
    ]);
  });

  it('keeps the period: listed with its counts, and a re-run replaces the list with the same entries, not doubled', async () => {
    const periods = await as('auditor').get('/cadence/comparisons');
    expect(periods.status).toBe(200);
    expect(periods.body.items.map((h: { period: string }) => h.period)).toEqual(['2031-03']);
    const again = await runAndWait('/cadence/comparisons/2031-03', RERUN_AT);
    expect(again.body.header.runId).not.toBe(first.body.header.runId);
    expect(again.body.items).toEqual(first.body.items);
    expect(again.body.header.counts).toEqual(first.body.header.counts);
    // The header moves to the new run first, then the earlier run's entries are deleted.
    const runsStored = async () =>
      (
        await dynamo.send(
          new QueryCommand({
            TableName: tableName.main(),
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :run)',
            ExpressionAttributeValues: { ':pk': `CADENCE#${COUNTY}#COMPARE#2031-03`, ':run': 'RUN#' },
          }),
        )
      ).Items?.map((i) => String(i.sk).split('#')[1]) ?? [];
    const stored = await waitFor(
      async () => {
        const runs = await runsStored();
        return runs.every((r) => r === again.body.header.runId) ? runs : undefined;
      },
      { timeoutMs: 10_000, what: 'the earlier run deleted' },
    );
    expect(stored).toEqual([again.body.header.runId, again.body.header.runId, again.body.header.runId]);
  }, 60_000);

  it('is built the same by the schedule’s input (the period just ended, all of the given counties)', async () => {
    const before = await as('staff').get('/cadence/comparisons/2031-03?limit=200');
    const run = await runStateMachine('cadence-lists', {
      kind: 'comparison',
      countyCodes: [COUNTY],
      now: '2031-04-30T12:00:00.000Z',
    });
    expect(run.status).toBe('SUCCEEDED');
    const after = await as('staff').get('/cadence/comparisons/2031-03?limit=200');
    expect(after.body.header).toMatchObject({
      period: '2031-03',
      requestedBy: 'schedule',
      counts: before.body.header.counts,
    });
    expect(after.body.header.runId > before.body.header.runId).toBe(true);
    expect(after.body.items).toEqual(before.body.items);
  }, 60_000);

  it('keeps the list of a later run when an earlier one finishes after it (its own entries deleted)', async () => {
    const store = dynamoCadenceListStore(dynamo, tableName.main);
    const current = await store.header('comparison', COUNTY, '2031-03');
    if (!current) throw new Error('no header');
    const late = await store.publish(
      {
        ...current,
        runId: '20310101T000000000Z-00000000',
        counts: { entries: 1 },
        byTown: {},
        byVillage: {},
      },
      [{ villageCode: V1, entryKey: 'A#late', body: { ...first.body.items[0], entryKey: 'A#late' } }],
    );
    expect(late).toEqual(current);
    const read = await as('staff').get('/cadence/comparisons/2031-03?limit=200');
    expect([read.body.header.runId, read.body.items.length]).toEqual([current.runId, 3]);
    const orphans = await dynamo.send(
      new QueryCommand({
        TableName: tableName.main(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :run)',
        ExpressionAttributeValues: { ':pk': `CADENCE#${COUNTY}#COMPARE#2031-03`, ':run': 'RUN#20310101T' },
      }),
    );
    expect(orphans.Items).toEqual([]);
  });

  it('shows a town its entries, a village its own, pages, and filters by list', async () => {
    const town = await as('town1').get('/cadence/comparisons/2031-03');
    expect([
      town.status,
      town.body.header.counts,
      town.body.items.map((e: { entryKey: string }) => e.entryKey),
    ]).toEqual([
      200,
      { entries: 2, not_monitored: 1, income_above_line: 1 },
      [`A#${caseIdOf(p1)}`, `B#${ids.hm1}`],
    ]);
    const village2 = await as('village2').get('/cadence/comparisons/2031-03');
    expect([village2.status, village2.body.header.counts, village2.body.items]).toEqual([200, {}, []]);
    const paged = await as('staff').get('/cadence/comparisons/2031-03?limit=2');
    expect([paged.body.items.length, typeof paged.body.nextCursor]).toEqual([2, 'string']);
    const rest = await as('staff').get(
      `/cadence/comparisons/2031-03?limit=2&cursor=${paged.body.nextCursor as string}`,
    );
    expect([rest.body.items.map((e: { entryKey: string }) => e.entryKey), rest.body.nextCursor]).toEqual([
      [`A#${caseIdOf(p4)}`],
      undefined,
    ]);
    const above = await as('staff').get('/cadence/comparisons/2031-03?list=income_above_line');
    expect(above.body.items.map((e: { entryKey: string }) => e.entryKey)).toEqual([`B#${ids.hm1}`]);
  });

  it('downloads the list as XLSX, masked', async () => {
    const response = await fetch(`${baseUrl()}/cadence/comparisons/2031-03/xlsx`, {
      headers: { authorization: `Bearer ${tokens.get('staff') ?? ''}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(3).getCell(5).value).toBe('姓名');
    expect([2, 3, 4, 5, 6, 9, 12].map((c) => sheet.getRow(4).getCell(c).value)).toEqual([
      '部门数据中有、未纳入监测',
      '比对一镇',
      '甲村',
      '王**',
      maskResidentId(p1),
      '医保局、民政局',
      '12800.00',
    ]);
    expect([13, 14, 15].map((c) => sheet.getRow(5).getCell(c).value)).toEqual([
      '2031-03',
      '6900.01',
      '6900.00',
    ]);
    expect(sheet.getRow(7).getCell(1).value).toBeNull();
  });

  it('refuses roles and regions outside the caller’s scope, and a month not yet ended', async () => {
    expect((await as('village1').get(`/cadence/comparisons/2031-03?regionCode=${V3}`)).status).toBe(404);
    expect((await as('medical').get('/cadence/comparisons/2031-03')).status).toBe(403);
    expect((await as('auditor', RUN_AT).post('/cadence/comparisons/2031-03/run')).status).toBe(403);
    expect((await as('town1', RUN_AT).post('/cadence/comparisons/2031-03/run')).status).toBe(403);
    const early = await as('staff', RUN_AT).post('/cadence/comparisons/2031-04/run');
    expect([early.status, early.body.issues]).toEqual([
      400,
      [{ path: 'params.month', message: '只能生成已结束的月份（最近为 2031-03）' }],
    ]);
    expect((await as('staff').get('/cadence/comparisons/2031-02')).status).toBe(404);
    expect((await api('county.staff').get('/cadence/comparisons/2031-03')).status).toBe(404);
    expect((await as('staff').get('/cadence/comparisons/2031-13')).status).toBe(400);
  });
});

describe('the assistance-effect assessment of 2031-Q1', () => {
  let read: ApiResult;
  beforeAll(async () => {
    read = await runAndWait('/cadence/assessments/2031-Q1', RUN_AT);
  }, 60_000);

  it('lists the monitored and eliminated households with their effect, 未评估 flagged, and the income trend', () => {
    expect(read.body.header.counts).toEqual({ households: 4, good: 1, not_assessed: 3, eliminated: 1 });
    expect(read.body.header.byTown).toEqual({
      [TOWN1]: { households: 3, good: 1, not_assessed: 2 },
      [TOWN2]: { households: 1, not_assessed: 1, eliminated: 1 },
    });
    const byId = new Map(read.body.items.map((e: { householdId: string }) => [e.householdId, e]));
    expect([...byId.keys()].sort()).toEqual([ids.hm1, ids.hm2, ids.hm3, ids.he].sort());
    expect(byId.get(ids.hm1)).toEqual({
      entryKey: ids.hm1,
      householdId: ids.hm1,
      townCode: TOWN1,
      villageCode: V1,
      headName: '张**',
      statusAtQuarterEnd: 'monitored',
      category: 'marginal',
      risks: ['illness'],
      measures: [{ code: 'health', field: 'A45', label: '健康帮扶', risk: 'illness', status: 'in_progress' }],
      effect: 'good',
      assessmentNote: '收入稳定',
      assessedAt: '2031-03-28T02:00:00.000Z',
      income: {
        trend: 'up',
        fromMonth: '2030-12',
        fromA34Fen: 600_000,
        toMonth: '2031-03',
        toA34Fen: 690_001,
        changeFen: 90_001,
      },
      flags: [],
    });
    expect(byId.get(ids.hm2)).toMatchObject({
      effect: 'not_assessed',
      income: { trend: 'single', toMonth: '2031-02', toA34Fen: LINE },
      flags: ['未评估：2031-Q1 尚未填报帮扶成效评估', '风险“因病”尚无对应帮扶措施'],
    });
    expect(byId.get(ids.he)).toMatchObject({
      statusAtQuarterEnd: 'eliminated',
      eliminatedAt: '2031-02-15T02:00:00.000Z',
      effect: 'not_assessed',
      income: { trend: 'none' },
    });
  });

  it('filters by effect, scopes a village, and answers the XLSX', async () => {
    const missing = await as('staff').get('/cadence/assessments/2031-Q1?effect=not_assessed');
    expect(missing.body.items.map((e: { householdId: string }) => e.householdId).sort()).toEqual(
      [ids.hm2, ids.hm3, ids.he].sort(),
    );
    const village = await as('village1').get('/cadence/assessments/2031-Q1');
    expect(village.body.items.map((e: { householdId: string }) => e.householdId)).toEqual([ids.hm1]);
    const periods = await as('village1').get('/cadence/assessments');
    expect(periods.body.items.map((h: { period: string; counts: unknown }) => [h.period, h.counts])).toEqual([
      ['2031-Q1', { households: 1, good: 1 }],
    ]);
    const response = await fetch(`${baseUrl()}/cadence/assessments/2031-Q1/xlsx?effect=good`, {
      headers: { authorization: `Bearer ${tokens.get('town1') ?? ''}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect([2, 3, 4, 8, 9, 14, 16].map((c) => sheet.getRow(4).getCell(c).value)).toEqual([
      '比对一镇',
      '甲村',
      '张**',
      'A45 健康帮扶',
      '好',
      '6900.01',
      '上升',
    ]);
    expect((await as('village2', RUN_AT).post('/cadence/assessments/2031-Q1/run')).status).toBe(403);
    const early = await as('staff', RUN_AT).post('/cadence/assessments/2031-Q2/run');
    expect(early.status).toBe(400);
  });
});

describe('an event first reported in an earlier month and reported again', () => {
  it('is in the later month’s list with that month’s report only', async () => {
    const person = randomResidentId();
    const event = { eventDate: '2031-05-20', sourceRef: `YB-${randomUUID().slice(0, 8)}` };
    await pushed('medical', [row(person, V2, event)], '2031-06-03T02:00:00.000Z', '2031-05');
    const june = await pushed(
      'civil',
      [row(person, V2, { ...event, sourceRef: `MZ-${randomUUID().slice(0, 8)}` })],
      '2031-07-03T02:00:00.000Z',
      '2031-06',
    );
    const caseId = caseIdOf(person, 'illness', '2031-05-20');
    // A case in the first layout (before the case carried its first report): all its reports are
    // source items without a list key.
    const older = randomResidentId();
    const olderCaseId = caseIdOf(older, 'schooling', '2031-06-01');
    const {
      intakeDepartment: _d,
      intakeSourceRef: _r,
      intakeAmountFen: _a,
      intakeOutcome: _o,
      intakeRowNumber: _n,
      ...firstLayout
    } = {
      ...(await get(`CASE#${caseId}`, 'CASE')),
    };
    await put({
      ...firstLayout,
      pk: `CASE#${olderCaseId}`,
      caseId: olderCaseId,
      residentId: older,
      householdId: ids.hp4,
      category: 'schooling',
      eventDate: '2031-06-01',
      intakeSubmissionId: june.submissionId,
      createdAt: june.receivedAt,
      gsi3sk: `screened_out#${String(june.receivedAt)}#${olderCaseId}`,
      status: 'screened_out',
    });
    await put({
      pk: `CASE#${olderCaseId}`,
      sk: 'SRC#education#JY-1',
      entity: 'caseSource',
      caseId: olderCaseId,
      department: 'education',
      sourceRef: 'JY-1',
      submissionId: june.submissionId,
      rowNumber: 1,
      amountFen: 300_000,
      outcome: 'accepted',
    });
    const juneList = await runAndWait('/cadence/comparisons/2031-06', '2031-07-08T03:00:00.000Z');
    const reported = (items: { caseId?: string; departments?: string[]; list: string }[]) =>
      items
        .filter((e) => e.list === 'not_monitored')
        .map((e) => [e.caseId, e.departments])
        .sort();
    expect(reported(juneList.body.items)).toEqual(
      [
        [caseId, ['民政局']],
        [olderCaseId, ['教育局']],
      ].sort(),
    );
    const may = await runAndWait('/cadence/comparisons/2031-05', '2031-07-08T03:00:00.000Z');
    expect(reported(may.body.items)).toEqual([[caseId, ['医保局']]]);
  }, 90_000);
});

/**
 * The dashboard of a county of 10,000 households (issue 7 "done when"): a county of this test's own
 * (a made-up code with its own towns and villages, so no other test file's records are counted),
 * households written fast with BatchWrite (the household store's item maker) and their monitoring
 * states, the counters built by the counts helper's recount, a few months of trend events written
 * with the counters' own builder. The dashboard handler is called in this worker (the gateway runs
 * the handlers in the global setup's process) while every DynamoDB command the shared client sends
 * is recorded: no Scan, no query of a household index, five operations, exact figures. Then the
 * scope rules through the gateway: a village cadre, a town official asking for another town, an
 * adjuster.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { areaCountStore, countUpdateItems } from '../../shared/adapters/area-count-store.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { batchPut } from '../../shared/adapters/batch-io.ts';
import { householdItem } from '../../shared/adapters/household-store.ts';
import { regionItem, type RegionRecord } from '../../shared/adapters/region-store.ts';
import type { Household } from '../../shared/domain/household-schema.ts';
import { stateItem, type HouseholdMonitoring } from '../../shared/domain/monitoring/household-monitoring.ts';
import { MONITORING_CATEGORIES, type MonitoringCategory } from '../../shared/domain/monitoring/risk.ts';
import { recountAreas } from '../../shared/usecases/stats/recount-areas.ts';
import { handler as dashboardApi } from '../../functions/dashboard/api.ts';
import { handler as sweep } from '../../functions/dashboard/sweep-area-alerts.ts';
import { api } from './support/api.ts';
import { countyUsers } from './support/county-users.ts';
import { randomResidentId } from '../support/resident-ids.ts';

const COUNTY = `4298${String(randomInt(10, 100))}000000`;
const C6 = COUNTY.slice(0, 6);
const TOWNS = [`${C6}001000`, `${C6}002000`];
const village = (n: number) => `${C6}00${n <= 5 ? 1 : 2}${String(n).padStart(3, '0')}`;
const VILLAGES = Array.from({ length: 10 }, (_, i) => village(i + 1));
const NOW = '2026-06-15T02:00:00.000Z';

/** Per village (1–10): households with status monitored / eliminated / removed; 1,000 households each. */
const PLAN: Record<number, { monitored: number; eliminated: number; removed: number }> = {
  1: { monitored: 30, eliminated: 5, removed: 0 },
  2: { monitored: 20, eliminated: 0, removed: 0 },
  3: { monitored: 21, eliminated: 0, removed: 0 },
  4: { monitored: 0, eliminated: 10, removed: 0 },
  5: { monitored: 0, eliminated: 0, removed: 4 },
  6: { monitored: 60, eliminated: 0, removed: 0 },
  7: { monitored: 50, eliminated: 0, removed: 0 },
  8: { monitored: 30, eliminated: 0, removed: 0 },
  9: { monitored: 20, eliminated: 0, removed: 0 },
  10: { monitored: 0, eliminated: 0, removed: 0 },
};

const regions: RegionRecord[] = [
  { code: COUNTY, name: '看板试验县', level: 'county' },
  { code: TOWNS[0] ?? '', name: '东镇', level: 'town', parentCode: COUNTY },
  { code: TOWNS[1] ?? '', name: '西镇', level: 'town', parentCode: COUNTY },
  ...VILLAGES.map((code, i) => ({
    code,
    name: `第${i + 1}村`,
    level: 'village' as const,
    parentCode: `${code.slice(0, 9)}000`,
  })),
];

const member = (relation: string) => ({
  memberId: randomUUID(),
  name: '测试',
  sex: 'male',
  relation,
  idType: 'resident_id',
  idNumber: randomResidentId({ region: C6 }),
  status: 'active',
  joinedAt: '2026-01-01T00:00:00.000Z',
});

const household = (villageCode: string, type: Household['type']): Household =>
  ({
    householdId: randomUUID(),
    countyCode: COUNTY,
    townCode: `${villageCode.slice(0, 9)}000`,
    villageCode,
    group: '一组',
    address: '一组1号',
    type,
    relocationSite: false,
    headName: '测试',
    members: [member('head'), member('spouse'), member('son')],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'test',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'test',
  }) as unknown as Household;

const state = (
  h: Household,
  status: HouseholdMonitoring['status'],
  category: MonitoringCategory,
  j: number,
): HouseholdMonitoring => ({
  householdId: h.householdId,
  countyCode: COUNTY,
  townCode: h.townCode,
  villageCode: h.villageCode,
  status,
  category,
  categoryReasons: [],
  risks: j % 2 === 0 ? ['illness', 'schooling'] : ['illness'],
  monitoredSince: '2026-02-01T00:00:00.000Z',
  planId: randomUUID(),
  typeBefore: 'lifted',
  greenChannel: false,
  rollbacks: [],
  updatedAt: '2026-02-01T00:00:00.000Z',
  version: 1,
});

const seed = async () => {
  const items: Record<string, unknown>[] = regions.map(regionItem);
  for (const [n, plan] of Object.entries(PLAN)) {
    const code = village(Number(n));
    for (let j = 0; j < 1_000; j += 1) {
      const status =
        j < plan.monitored
          ? 'monitored'
          : j < plan.monitored + plan.eliminated
            ? 'eliminated'
            : j < plan.monitored + plan.eliminated + plan.removed
              ? 'removed'
              : undefined;
      const h = household(code, status === 'monitored' ? 'monitored' : status ? 'lifted' : 'general');
      items.push(householdItem(h));
      const category = MONITORING_CATEGORIES[j % 3] ?? 'marginal';
      if (status) items.push(stateItem(state(h, status, category, j)));
    }
  }
  await batchPut(dynamo, tableName.main(), items, { parallel: 8 });
  const recount = await recountAreas(areaCountStore, COUNTY, 'apply');
  expect([recount.households, recount.villages]).toEqual([10_000, 10]);
  // Trend events as the writers count them: February identifications, a May elimination wave.
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        ...countUpdateItems(tableName.main(), [], {
          month: '2026-02',
          events: [
            { villageCode: village(1), event: 'identified', count: 40 },
            { villageCode: village(6), event: 'identified', count: 60 },
            { villageCode: village(6), event: 'households_added', count: 1_000 },
          ],
        }),
        ...countUpdateItems(tableName.main(), [], {
          month: '2026-05',
          events: [
            { villageCode: village(1), event: 'eliminated', count: 5 },
            { villageCode: village(4), event: 'eliminated', count: 10 },
            { villageCode: village(5), event: 'removed', count: 4 },
            { villageCode: village(7), event: 'rolled_back', count: 2 },
          ],
        }),
        // a year before the window: not shown
        ...countUpdateItems(tableName.main(), [], {
          month: '2025-06',
          events: [{ villageCode: village(2), event: 'identified', count: 7 }],
        }),
      ],
    }),
  );
};

const users = countyUsers(COUNTY);

const event = (claims: Record<string, string>, query: Record<string, string> = {}) => ({
  version: '2.0',
  routeKey: 'GET /dashboard',
  rawPath: '/dashboard',
  rawQueryString: new URLSearchParams(query).toString(),
  headers: { 'x-fpb-now': NOW },
  queryStringParameters: query,
  isBase64Encoded: false,
  requestContext: { requestId: randomUUID(), authorizer: { jwt: { claims, scopes: [] } } },
});

interface Recorded {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** Calls the dashboard in this worker and records every command sent through the shared client. */
const recordedDashboard = async (claims: Record<string, string>, query: Record<string, string> = {}) => {
  const commands: Recorded[] = [];
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push({ command: context.commandName ?? '?', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'dashboardRecorder' },
  );
  try {
    const result = (await dashboardApi(event(claims, query) as never, {} as Context)) as Exclude<
      APIGatewayProxyResultV2,
      string
    >;
    return { status: result.statusCode, body: JSON.parse(result.body ?? '{}'), commands };
  } finally {
    dynamo.middlewareStack.remove('dashboardRecorder');
  }
};

const HOUSEHOLD_INDEX = /^(VILLAGE|TOWN|COUNTY)#/;

beforeAll(async () => {
  await seed();
  // the alerts the counters give, raised by the sweep for this county only
  const swept = await sweep({ now: NOW, counties: [COUNTY] });
  expect(swept).toEqual({ counties: 1, holding: 8, raised: 8, updated: 0, cleared: 0 });
}, 180_000);

afterAll(() => {
  dynamo.middlewareStack.remove('dashboardRecorder');
});

describe('the dashboard of a county of 10,000 households', () => {
  it('answers from the counters in five operations, no scan, no household index, exact figures', async () => {
    const { status, body, commands } = await recordedDashboard(users.claims('county_staff'));
    expect(status).toBe(200);
    expect(commands.map((c) => c.command).sort()).toEqual([
      'GetItemCommand',
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
      'QueryCommand',
    ]);
    expect(commands.some((c) => c.command.startsWith('Scan'))).toBe(false);
    // what each one read: the counters' partition twice (villages, months), the region list and the
    // open alerts (gsi1), the year's configuration — never a household index (VILLAGE#/TOWN#/COUNTY#)
    const reads = commands
      .map((c) => {
        const values = (c.input.ExpressionAttributeValues ?? {}) as Record<string, string>;
        const key = (c.input.Key ?? {}) as Record<string, string>;
        return `${c.input.IndexName ?? 'table'} ${values[':pk'] ?? key.pk}`;
      })
      .sort();
    expect(reads).toEqual(
      [
        `gsi1 ALERTS#${COUNTY}#open`,
        `gsi1 REGIONS#${COUNTY}`,
        `table CONFIG#${COUNTY}`,
        `table COUNTS#${COUNTY}`,
        `table COUNTS#${COUNTY}`,
      ].sort(),
    );
    expect(reads.filter((r) => HOUSEHOLD_INDEX.test(r.split(' ')[1] ?? ''))).toEqual([]);
    expect(body.scope).toEqual({ level: 'county', code: COUNTY, name: '看板试验县' });
    expect(body.threshold).toEqual({ share: 0.02, text: '2%' });
    expect(body.totals).toEqual({
      households: 10_000,
      persons: 30_000,
      villages: 10,
      blankVillages: 2,
      unresolved: {
        households: 231,
        persons: 693,
        sharePercent: 2.3,
        shareText: '2.3%',
        aboveThreshold: true,
      },
      byType: [
        { code: 'general', label: '一般农户', households: 9_750 },
        { code: 'lifted', label: '脱贫户', households: 19 },
        { code: 'monitored', label: '监测户', households: 231 },
      ],
      byStatus: [
        { code: 'monitored', label: '监测中', households: 231, persons: 693 },
        { code: 'eliminated', label: '风险已消除', households: 15, persons: 45 },
        { code: 'removed', label: '已清退', households: 4, persons: 12 },
      ],
      byCategory: [
        { code: 'unstable_lifted', label: '脱贫不稳定户', households: 78 },
        { code: 'marginal', label: '边缘易致贫户', households: 78 },
        { code: 'sudden_hardship', label: '突发严重困难户', households: 75 },
      ],
      byRisk: [
        { code: 'illness', label: '因病', households: 231 },
        { code: 'schooling', label: '因学', households: 116 },
        { code: 'disability', label: '因残', households: 0 },
        { code: 'natural_disaster', label: '因自然灾害', households: 0 },
        { code: 'accident', label: '因意外事故', households: 0 },
        { code: 'industry_failure', label: '因产业失败', households: 0 },
        { code: 'unstable_employment', label: '因务工就业不稳', households: 0 },
        { code: 'lack_of_labour', label: '缺劳动力', households: 0 },
        { code: 'other', label: '其他', households: 0 },
      ],
    });
    expect(body.areas).toEqual([
      {
        code: TOWNS[0],
        name: '东镇',
        level: 'town',
        households: 5_000,
        persons: 15_000,
        unresolved: 71,
        eliminated: 15,
        blankVillages: 1,
        sharePercent: 1.4,
        shareText: '1.4%',
        aboveThreshold: false,
      },
      {
        code: TOWNS[1],
        name: '西镇',
        level: 'town',
        households: 5_000,
        persons: 15_000,
        unresolved: 160,
        eliminated: 0,
        blankVillages: 1,
        sharePercent: 3.2,
        shareText: '3.2%',
        aboveThreshold: true,
      },
    ]);
    expect(body.trends).toHaveLength(12);
    expect(body.trends[0].month).toBe('2025-07');
    const nonEmpty = body.trends.filter((t: { events: Record<string, number> }) =>
      Object.values(t.events).some((n) => n > 0),
    );
    expect(nonEmpty).toEqual([
      {
        month: '2026-02',
        events: { households_added: 1_000, identified: 100, eliminated: 0, rolled_back: 0, removed: 0 },
        unresolvedAtMonthEnd: 248,
      },
      {
        month: '2026-05',
        events: { households_added: 0, identified: 0, eliminated: 15, rolled_back: 2, removed: 4 },
        unresolvedAtMonthEnd: 231,
      },
    ]);
    expect(body.trends.map((t: { unresolvedAtMonthEnd: number }) => t.unresolvedAtMonthEnd)).toEqual([
      148, 148, 148, 148, 148, 148, 148, 248, 248, 248, 231, 231,
    ]);
    // 3 %, 2.1 %, 6 %, 5 %, 3 %, the western town at 3.2 %, and two blank villages (5: all removed; 10: never)
    expect(body.alerts.total).toBe(8);
    expect(body.alerts.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'monitored_share_high', label: '监测对象占比超过阈值', count: 6 },
        { kind: 'blank_village', label: '空白村', count: 2 },
      ]),
    );
    expect(body.alerts.byKind).toHaveLength(2);
    const keys = body.alerts.items.map((a: { kind: string; key: string }) => `${a.kind}|${a.key}`).sort();
    expect(keys).toEqual(
      [
        ...[1, 3, 6, 7, 8].map((n) => `monitored_share_high|village#${village(n)}`),
        `monitored_share_high|town#${TOWNS[1]}`,
        `blank_village|village#${village(5)}`,
        `blank_village|village#${village(10)}`,
      ].sort(),
    );
    const sixth = body.alerts.items.find((a: { key: string }) => a.key === `village#${village(6)}`);
    expect(sixth.detail).toContain('未消除风险监测对象占比 6.0%（60/1000 户），超过 2%');
    expect(sixth.links[0]).toEqual({ type: 'region', id: village(6) });
    expect(sixth.links.slice(1)).toHaveLength(20);
    expect(new Set(sixth.links.slice(1).map((l: { type: string }) => l.type))).toEqual(
      new Set(['household']),
    );
  });

  it('narrows to a town for county staff: its villages, their shares and flags', async () => {
    const { status, body, commands } = await recordedDashboard(users.claims('county_staff'), {
      townCode: TOWNS[1] ?? '',
    });
    expect(status).toBe(200);
    expect(commands).toHaveLength(6); // the town's alert list is two partitions: county-wide, then the town
    expect(body.scope).toEqual({ level: 'town', code: TOWNS[1], name: '西镇' });
    expect(
      body.areas.map(
        (a: { code: string; unresolved: number; shareText: string; aboveThreshold: boolean }) => [
          a.code,
          a.unresolved,
          a.shareText,
          a.aboveThreshold,
        ],
      ),
    ).toEqual([
      [village(6), 60, '6.0%', true],
      [village(7), 50, '5.0%', true],
      [village(8), 30, '3.0%', true],
      [village(9), 20, '2.0%', false],
      [village(10), 0, '0.0%', false],
    ]);
    expect(body.totals.unresolved).toMatchObject({
      households: 160,
      shareText: '3.2%',
      aboveThreshold: true,
    });
    expect(body.alerts.total).toBe(5);
  });
});

describe('the dashboard per scope, through the gateway', () => {
  it('gives a village cadre their village only, and 404 for a village or town outside it', async () => {
    const cadre = await users.client('village_cadre', { villageCode: village(1) });
    const own = await cadre.get('/dashboard');
    expect(own.status).toBe(200);
    expect(own.body.scope).toEqual({ level: 'village', code: village(1), name: '第1村' });
    expect(own.body.totals).toMatchObject({ households: 1_000, villages: 1, blankVillages: 0 });
    expect(own.body.totals.unresolved).toMatchObject({
      households: 30,
      shareText: '3.0%',
      aboveThreshold: true,
    });
    expect(own.body.areas).toEqual([
      expect.objectContaining({ code: village(1), unresolved: 30, eliminated: 5 }),
    ]);
    expect(own.body.alerts.items.map((a: { key: string }) => a.key)).toEqual([`village#${village(1)}`]);
    expect((await cadre.get(`/dashboard?villageCode=${village(2)}`)).status).toBe(404);
    expect((await cadre.get(`/dashboard?townCode=${TOWNS[0]}`)).body.scope.code).toBe(village(1));
  });

  it('gives a town official their town; another town is 404; a bad code is 400 naming the field', async () => {
    const official = await users.client('town_official', { townCode: TOWNS[0] });
    const own = await official.get('/dashboard');
    expect(own.status).toBe(200);
    expect(own.body.scope.code).toBe(TOWNS[0]);
    expect(own.body.areas.map((a: { code: string }) => a.code)).toEqual(VILLAGES.slice(0, 5));
    expect(own.body.totals.unresolved).toMatchObject({
      households: 71,
      shareText: '1.4%',
      aboveThreshold: false,
    });
    const other = await official.get(`/dashboard?townCode=${TOWNS[1]}`);
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await official.get(`/dashboard?townCode=${village(1)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'query.townCode', message: '应为乡镇的区划代码' }]);
  });

  it('gives the auditor the county read-only; refuses an adjuster, the finance office (403) and a caller without a token (401)', async () => {
    const auditor = await users.client('auditor');
    const seen = await auditor.get('/dashboard');
    expect([seen.status, seen.body.scope.code, seen.body.totals.households]).toEqual([200, COUNTY, 10_000]);
    expect((await auditor.post('/alerts/refresh')).status).toBe(403);
    expect((await api('finance').get('/dashboard')).status).toBe(403);
    expect((await api('adjuster.wang').get('/dashboard')).status).toBe(403);
    expect((await api().get('/dashboard')).status).toBe(401);
  });
});

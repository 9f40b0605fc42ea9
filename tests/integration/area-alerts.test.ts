/**
 * The two alerts read from the area counters, on a county of this test's own (its own regions and
 * users, so every share is the test's to control), through the gateway with the injected clock:
 * - the daily sweep raises 空白村 for villages with no monitored household;
 * - county approvals of identifications move the counters and refresh the town's alerts: village A
 *   at 1 of 50 (2.0 %) raises nothing and its blank alert is cleared; at 2 of 50 (4 %) A's share
 *   alert is raised; B's first identification makes the town 3 of 100 (3 %): the town's alert;
 * - an elimination in A brings A back to 2 % and the town to 2 %: both cleared;
 * - `POST /alerts/refresh` runs the same evaluation on demand (county staff only).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { regionStore } from '../../shared/adapters/region-store.ts';
import type { Department } from '../../shared/auth/roles.ts';
import { shanghaiDate } from '../../shared/domain/shanghai-time.ts';
import { handler as sweep } from '../../functions/dashboard/sweep-area-alerts.ts';
import { countyUsers, type CountyClient } from './support/county-users.ts';
import { plus } from './support/monitoring-flow.ts';
import { incomePerHead } from '../support/income.ts';
import { api } from './support/api.ts';
import { householdBody } from '../support/household-input.ts';
import { uniqueResidentIds } from '../support/resident-ids.ts';

const COUNTY = `4297${String(randomInt(10, 100))}000000`;
const C6 = COUNTY.slice(0, 6);
const T1 = `${C6}001000`;
const T2 = `${C6}002000`;
const A = `${C6}001001`;
const B = `${C6}001002`;
const C = `${C6}002001`;
const DEPARTMENTS: Department[] = [
  'finance_office',
  'police',
  'natural_resources',
  'market_regulation',
  'human_resources',
];

const users = countyUsers(COUNTY);
let county: CountyClient;
let town: CountyClient;
const cadres = new Map<string, CountyClient>();
const cadre = (village: string): CountyClient => {
  const found = cadres.get(village);
  if (!found) throw new Error(`no cadre for ${village}`);
  return found;
};

/**
 * The members' IDs: of this test's own county code and drawn without repeats, so no registration
 * meets an ID another test (or this one) holds — 315 random IDs from the shared space met one
 * now and then (a 409).
 */
const memberIds = uniqueResidentIds(3 * 105, { region: C6 });

/** Households registered on 2 January 2026 (the month their `households_added` counts in). */
const createHouseholds = async (village: string, n: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const body = householdBody({ villageCode: village, address: `${i + 1}号` });
    const members = body.members.map((member) => {
      const idNumber = memberIds.pop();
      if (!idNumber) throw new Error('no member IDs left');
      return { ...member, idNumber };
    });
    const created = await cadre(village)
      .at('2026-01-02T02:00:00.000Z')
      .post('/households', { ...body, members });
    expect(created.status).toBe(201);
    ids.push(created.body.householdId as string);
  }
  return ids;
};

/** A deliberation by the village deciding one subject, then its notice posted; answers the notice. */
const deliberateAndPost = async (
  village: string,
  kind: 'identification' | 'elimination',
  procedureId: string,
  householdId: string,
  now: string,
) => {
  const deliberationId = randomUUID();
  const minutesUploadId = await cadre(village).at(now).upload('deliberation_minutes', deliberationId);
  const recorded = await cadre(village)
    .at(now)
    .post('/deliberations', {
      deliberationId,
      meetingDate: shanghaiDate(new Date(now)),
      membersPresent: ['村支书', '村主任', '驻村队员', '党员代表', '村民组长'],
      minutesUploadId,
      outcomes: [{ subjectType: kind, subjectId: procedureId, householdId, outcome: 'passed', note: '同意' }],
    });
  expect(recorded.status).toBe(201);
  const step = await cadre(village)
    .at(now)
    .post(`/monitoring/procedures/${procedureId}/deliberation`, { deliberationId });
  expect(step.status).toBe(200);
  const posted = await cadre(village)
    .at(plus(now, 0.1))
    .post('/notices', {
      noticeId: randomUUID(),
      deliberationId,
      kind,
      subjectIds: [procedureId],
      objectionContact: '村委会 0711-1234567',
      acknowledgeCalendarMissing: true,
    });
  expect(posted.status).toBe(201);
  return posted.body.noticeId as string;
};

/** After the notice: closed by the county, the notice step, the town's review, the county's approval. */
const finish = async (village: string, procedureId: string, noticeId: string, closeAt: string) => {
  const closed = await county.at(closeAt).post(`/notices/${noticeId}/close`);
  expect([closed.status, closed.body.code]).toEqual([200, undefined]);
  expect(
    (await cadre(village).at(plus(closeAt, 0.1)).post(`/monitoring/procedures/${procedureId}/notice`)).status,
  ).toBe(200);
  expect(
    (
      await town.at(plus(closeAt, 0.5)).post(`/monitoring/procedures/${procedureId}/town-review`, {
        decision: 'approve',
        signedBy: '王镇长',
      })
    ).status,
  ).toBe(200);
  const approved = await county
    .at(plus(closeAt, 1))
    .post(`/monitoring/procedures/${procedureId}/county-approval`, { decision: 'approve' });
  expect(approved.status).toBe(200);
};

/** Lead → identification → every step → county approval, from `t0`; the household is then monitored. */
const identify = async (village: string, householdId: string, t0: string) => {
  const c = cadre(village);
  const lead = await c
    .at(t0)
    .post('/monitoring/leads', { householdId, channel: 'cadre_visit', note: '因病支出大' });
  expect(lead.status).toBe(201);
  const authorization = await c.at(t0).upload('authorization', householdId);
  const opened = await c.at(plus(t0, 0.01)).post('/monitoring/identifications', {
    leadId: lead.body.leadId,
    authorizationUploadId: authorization,
  });
  expect(opened.status).toBe(201);
  const p = opened.body.procedureId as string;
  const verified = await c.at(plus(t0, 1)).post(`/monitoring/procedures/${p}/verification`, {
    investigators: ['村干部甲', '驻村队员乙'],
    components: incomePerHead(500_000),
    risks: ['illness'],
  });
  expect(verified.status).toBe(200);
  expect((await c.at(plus(t0, 2)).post(`/monitoring/procedures/${p}/asset-checks`)).status).toBe(200);
  const checks = (await county.at(plus(t0, 2)).get(`/monitoring/procedures/${p}`)).body.assetCheckAnswers as {
    checkId: string;
    department: string;
  }[];
  for (const check of checks) {
    const department = await users.client('department', { department: check.department as Department });
    const answered = await department
      .at(plus(t0, 3))
      .post(`/monitoring/asset-checks/${check.checkId}/answer`, { finding: 'none' });
    expect(answered.status).toBe(200);
  }
  expect(checks.map((check) => check.department).sort()).toEqual([...DEPARTMENTS].sort());
  const noticeId = await deliberateAndPost(village, 'identification', p, householdId, plus(t0, 4));
  await finish(village, p, noticeId, plus(t0, 16));
};

/** Six months of income above the line, then a natural elimination through every step to approval. */
const eliminate = async (village: string, householdId: string, proposeAt: string) => {
  const c = cadre(village);
  for (const [i, month] of ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'].entries()) {
    const income = await c
      .at(plus('2026-02-20T02:00:00.000Z', 30 * i))
      .post(`/monitoring/households/${householdId}/incomes`, { month, components: incomePerHead(800_000) });
    expect(income.status).toBe(201);
  }
  const proposed = await c.at(proposeAt).post(`/monitoring/households/${householdId}/elimination`, {
    method: 'natural',
    attestations: {
      measuresInPlace: true,
      assurancesStable: true,
      incomeStable: true,
      rigidExpensesSolved: true,
    },
  });
  expect([proposed.status, proposed.body.code]).toEqual([201, undefined]);
  const p = proposed.body.procedureId as string;
  const verified = await c.at(plus(proposeAt, 1)).post(`/monitoring/procedures/${p}/verification`, {
    investigators: ['甲', '乙'],
    components: incomePerHead(800_000),
    risks: ['illness'],
  });
  expect(verified.status).toBe(200);
  const noticeId = await deliberateAndPost(village, 'elimination', p, householdId, plus(proposeAt, 2));
  await finish(village, p, noticeId, plus(proposeAt, 11));
};

interface OpenAlert {
  kind: string;
  key: string;
  scopeCode: string;
  title: string;
  detail: string;
  links: { type: string; id: string }[];
}

/** The county's open area alerts, by `kind|key`. */
const openAreaAlerts = async (): Promise<Map<string, OpenAlert>> => {
  const listed = await county.get('/alerts?limit=200');
  expect(listed.status).toBe(200);
  return new Map(
    (listed.body.items as OpenAlert[])
      .filter((a) => a.kind === 'monitored_share_high' || a.kind === 'blank_village')
      .map((a) => [`${a.kind}|${a.key}`, a]),
  );
};

const households: Record<string, string[]> = {};

beforeAll(async () => {
  await regionStore.put({ code: COUNTY, name: '预警试验县', level: 'county' });
  await regionStore.put({ code: T1, name: '甲镇', level: 'town', parentCode: COUNTY });
  await regionStore.put({ code: T2, name: '乙镇', level: 'town', parentCode: COUNTY });
  await regionStore.put({ code: A, name: '甲一村', level: 'village', parentCode: T1 });
  await regionStore.put({ code: B, name: '甲二村', level: 'village', parentCode: T1 });
  await regionStore.put({ code: C, name: '乙一村', level: 'village', parentCode: T2 });
  county = await users.client('county_staff');
  town = await users.client('town_official', { townCode: T1 });
  for (const v of [A, B, C]) cadres.set(v, await users.client('village_cadre', { villageCode: v }));
  households.A = await createHouseholds(A, 50);
  households.B = await createHouseholds(B, 50);
  households.C = await createHouseholds(C, 5);
}, 180_000);

describe('area alerts from the counters', () => {
  it('raises 空白村 by the sweep, the 2 % alerts of a village and a town when crossed, and clears them', async () => {
    const t0 = '2026-01-05T02:00:00.000Z';
    const swept = await sweep({ now: t0, counties: [COUNTY] });
    expect(swept).toEqual({ counties: 1, holding: 3, raised: 3, updated: 0, cleared: 0 });
    let open = await openAreaAlerts();
    expect([...open.keys()].sort()).toEqual([
      `blank_village|village#${A}`,
      `blank_village|village#${B}`,
      `blank_village|village#${C}`,
    ]);
    expect(open.get(`blank_village|village#${C}`)).toMatchObject({
      scopeCode: C,
      title: '空白村：乙一村无监测对象',
      detail: '乙一村在册 5 户，无监测对象（监测中 0 户、风险已消除 0 户）。请核实是否存在应纳尽纳的遗漏。',
      links: [{ type: 'region', id: C }],
    });
    // the village cadre of C sees it on their dashboard; A's cadre does not
    const cDashboard = await cadre(C).at(t0).get('/dashboard');
    expect(cDashboard.body.alerts.items.map((a: OpenAlert) => a.key)).toEqual([`village#${C}`]);
    expect(cDashboard.body.totals.blankVillages).toBe(1);

    const [a1, a2] = households.A ?? [];
    const [b1] = households.B ?? [];
    if (!a1 || !a2 || !b1) throw new Error('households missing');
    await identify(A, a1, t0);
    open = await openAreaAlerts();
    // 1 of 50 is 2.0 %: no share alert; A is no longer blank
    expect([...open.keys()].sort()).toEqual([`blank_village|village#${B}`, `blank_village|village#${C}`]);

    await identify(A, a2, plus(t0, 1));
    open = await openAreaAlerts();
    expect([...open.keys()].sort()).toEqual([
      `blank_village|village#${B}`,
      `blank_village|village#${C}`,
      `monitored_share_high|village#${A}`,
    ]);
    const shareA = open.get(`monitored_share_high|village#${A}`);
    expect(shareA).toMatchObject({
      scopeCode: A,
      title: '未消除风险监测对象占比超过 2%：甲一村',
      detail:
        '未消除风险监测对象占比 4.0%（2/50 户），超过 2%：甲一村未消除风险的监测对象 2 户，全村在册 50 户。' +
        '占比严格大于 2% 时预警，等于 2% 不预警；请重点关注。',
    });
    expect(shareA?.links[0]).toEqual({ type: 'region', id: A });
    expect(
      shareA?.links
        .slice(1)
        .map((l) => l.id)
        .sort(),
    ).toEqual([a1, a2].sort());

    await identify(B, b1, plus(t0, 2));
    open = await openAreaAlerts();
    expect([...open.keys()].sort()).toEqual([
      `blank_village|village#${C}`,
      `monitored_share_high|town#${T1}`,
      `monitored_share_high|village#${A}`,
    ]);
    const shareT1 = open.get(`monitored_share_high|town#${T1}`);
    expect(shareT1).toMatchObject({
      scopeCode: T1,
      title: '未消除风险监测对象占比超过 2%：甲镇',
      detail: expect.stringContaining('未消除风险监测对象占比 3.0%（3/100 户），超过 2%'),
    });
    expect(shareT1?.links.map((l) => l.id).sort()).toEqual([T1, a1, a2, b1].sort());
    // the town official sees the town's and its villages' alerts on the dashboard
    const townBoard = await town.at(plus(t0, 20)).get('/dashboard');
    expect(
      townBoard.body.areas.map((r: { code: string; shareText: string; aboveThreshold: boolean }) => [
        r.code,
        r.shareText,
        r.aboveThreshold,
      ]),
    ).toEqual([
      [A, '4.0%', true],
      [B, '2.0%', false],
    ]);
    expect(townBoard.body.totals.unresolved).toMatchObject({
      households: 3,
      shareText: '3.0%',
      aboveThreshold: true,
    });
    expect(townBoard.body.alerts.byKind).toEqual([
      { kind: 'monitored_share_high', label: '监测对象占比超过阈值', count: 2 },
    ]);

    await eliminate(A, a1, '2026-07-20T02:00:00.000Z');
    open = await openAreaAlerts();
    expect([...open.keys()]).toEqual([`blank_village|village#${C}`]);
    const cleared = await county.get(`/alerts/monitored_share_high/${encodeURIComponent(`town#${T1}`)}`);
    // approved 12 days after the proposal
    expect(cleared.body).toMatchObject({ status: 'cleared', clearedAt: '2026-08-01T02:00:00.000Z' });
    // the town's trend: 3 identifications in January, the elimination in August (the registry stamps a
    // new household with the real clock, so its households_added month is not the injected one)
    const board = await county.at('2026-08-01T03:00:00.000Z').get(`/dashboard?townCode=${T1}`);
    const byMonth = new Map(board.body.trends.map((t: { month: string }) => [t.month, t]));
    expect(byMonth.get('2025-12')).toMatchObject({ unresolvedAtMonthEnd: 0 });
    expect(byMonth.get('2026-01')).toMatchObject({
      events: { identified: 3, eliminated: 0, rolled_back: 0, removed: 0 },
      unresolvedAtMonthEnd: 3,
    });
    expect(byMonth.get('2026-07')).toMatchObject({ unresolvedAtMonthEnd: 3 });
    expect(byMonth.get('2026-08')).toEqual({
      month: '2026-08',
      events: { households_added: 0, identified: 0, eliminated: 1, rolled_back: 0, removed: 0 },
      unresolvedAtMonthEnd: 2,
    });
  });

  it('runs the same evaluation on demand for county staff only; nothing changes when nothing moved', async () => {
    const refreshed = await county.post('/alerts/refresh', { regionCode: C });
    expect([refreshed.status, refreshed.body]).toEqual([
      200,
      { holding: 1, raised: 0, updated: 0, cleared: 0, scopeCode: T2 },
    ]);
    const whole = await county.post('/alerts/refresh');
    expect(whole.body).toMatchObject({ raised: 0, cleared: 0, scopeCode: COUNTY });
    expect((await town.post('/alerts/refresh', {})).status).toBe(403);
    expect((await api('county.staff').post('/alerts/refresh', { regionCode: A })).status).toBe(404);
    const bad = await county.post('/alerts/refresh', { regionCode: '12' });
    expect([bad.status, bad.body.issues[0].path]).toEqual([400, 'body.regionCode']);
  });
});

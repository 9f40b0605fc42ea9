/**
 * The maintained area counters, in a made-up county of this file's own (random code, its own towns
 * and villages, a county staff token minted for it), so other test files' households never land in
 * the counted villages and every number is exact: registry writes through the gateway, county
 * approvals through the monitoring use case, replayed and stale requests, and the recount.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createIssuer } from '../../infra/local/issuer.ts';
import { areaCountStore } from '../../shared/adapters/area-count-store.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { monitoringStore } from '../../shared/adapters/monitoring-store.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { computeIncome } from '../../shared/domain/income.ts';
import type { Procedure } from '../../shared/domain/monitoring/procedure.ts';
import { STEP_ORDER } from '../../shared/domain/monitoring/steps.ts';
import { shanghaiMonth } from '../../shared/domain/shanghai-time.ts';
import { monitoringDeps } from '../../functions/monitoring/deps.ts';
import { handler as snapshotCounty } from '../../functions/registry/snapshot-county.ts';
import { recordCountyApproval } from '../../shared/usecases/monitoring/approval.ts';
import { recountAreas } from '../../shared/usecases/stats/recount-areas.ts';
import type { Identity } from '../../shared/auth/identity.ts';
import { api } from './support/api.ts';
import { householdBody, memberBody } from '../support/household-input.ts';
import { incomePerHead } from '../support/income.ts';
import './support/context.ts';

const six = `99${String(randomInt(0, 10_000)).padStart(4, '0')}`;
const COUNTY = `${six}000000`;
const TOWN_A = `${six}001000`;
const A1 = `${six}001001`;
const A2 = `${six}001002`;
const TOWN_B = `${six}002000`;
const B1 = `${six}002001`;
/** The monitoring steps' injected clock; the registry stamps households with the real time. */
const NOW = '2026-04-10T02:00:00.000Z';
const MONTH = shanghaiMonth(new Date(NOW));
let addedMonth = '';

const staff: Identity = {
  userId: `staff-${six}`,
  username: `county.staff.${six}`,
  role: 'county_staff',
  countyCode: COUNTY,
};
let token = '';
const client = () => {
  const send = (method: string, path: string, body?: unknown) =>
    api(undefined, { token }).raw(method, path, {
      headers: { 'x-fpb-now': NOW, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    post: (path: string, body?: unknown) => send('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => send('PATCH', path, body),
  };
};

interface Created {
  householdId: string;
  createdAt: string;
  version: number;
  members: { memberId: string; relation: string }[];
}

const create = async (villageCode: string, type = 'general'): Promise<Created> => {
  const created = await client().post('/households', householdBody({ villageCode, type }));
  expect(created.status).toBe(201);
  return created.body as Created;
};

const counterItem = async (sk: string) =>
  (await dynamo.send(new GetCommand({ TableName: tableName.main(), Key: { pk: `COUNTS#${COUNTY}`, sk } })))
    .Item;

/** The numeric attributes of a village's counter item, zeros left out. */
const village = async (code: string) => {
  const item = (await counterItem(`VILLAGE#${code}`)) ?? {};
  return Object.fromEntries(Object.entries(item).filter(([, v]) => typeof v === 'number' && v !== 0));
};

/** A procedure of `kind` with every step but the county approval done, put through the store. */
const procedureAtApproval = async (
  householdId: string,
  villageCode: string,
  kind: Procedure['kind'],
  at = NOW,
): Promise<string> => {
  const procedureId = randomUUID();
  const components = incomePerHead(300_000);
  const step = { at, by: 'test', role: 'village_cadre' };
  const procedure: Procedure = {
    procedureId,
    kind,
    status: 'in_progress',
    householdId,
    countyCode: COUNTY,
    townCode: `${villageCode.slice(0, 9)}000`,
    villageCode,
    openedAt: at,
    openedBy: 'test',
    greenChannel: false,
    steps: Object.fromEntries(STEP_ORDER[kind].filter((s) => s !== 'county_approval').map((s) => [s, step])),
    ...(kind === 'identification'
      ? {
          verification: {
            investigators: ['村干部甲', '驻村队员乙'],
            memberCount: 3,
            components,
            figures: computeIncome(components, 3),
            risks: ['illness', 'schooling'],
            sharpIncomeDrop: false,
            evidenceUploadIds: [],
          },
          category: 'unstable_lifted' as const,
          categoryReasons: ['户类型为脱贫户'],
        }
      : kind === 'elimination'
        ? {
            elimination: {
              method: 'natural' as const,
              attestations: {
                measuresInPlace: true,
                assurancesStable: true,
                incomeStable: true,
                rigidExpensesSolved: true,
              },
            },
          }
        : { change: { reason: '家庭收入稳定，核实不符合监测条件', evidenceUploadIds: [] } }),
    updatedAt: at,
    version: 1,
  };
  await monitoringStore.commit({
    procedures: [{ next: procedure }],
    openProcedure: { op: 'claim', householdId, id: procedureId },
    fileEvents: [],
  });
  return procedureId;
};

const approve = (procedureId: string, at = NOW) =>
  recordCountyApproval(monitoringDeps, { identity: staff, now: new Date(at) }, procedureId, {
    decision: 'approve',
  });

/** Monthly income records well above any monitoring line, for the months given. */
const incomesAbove = (householdId: string, months: readonly string[]) => {
  const components = incomePerHead(3_000_000);
  return monitoringStore.commit({
    incomes: months.map((month) => ({
      householdId,
      month,
      components,
      figures: computeIncome(components, 3),
      source: 'monthly' as const,
      recordedAt: `${month}-20T02:00:00.000Z`,
      recordedBy: 'test',
    })),
    fileEvents: [],
  });
};

beforeAll(async () => {
  await regionStore.put({ code: COUNTY, name: '测试县', level: 'county' });
  for (const [code, name, parentCode] of [
    [TOWN_A, '甲镇', COUNTY],
    [TOWN_B, '乙镇', COUNTY],
  ] as const)
    await regionStore.put({ code, name, level: 'town', parentCode });
  for (const [code, name, parentCode] of [
    [A1, '甲一村', TOWN_A],
    [A2, '甲二村', TOWN_A],
    [B1, '乙一村', TOWN_B],
  ] as const)
    await regionStore.put({ code, name, level: 'village', parentCode });
  const runtime = inject('localRuntime');
  const issuer = await createIssuer(runtime.issuer);
  token = await issuer.signAccessToken({
    username: staff.username,
    userId: staff.userId,
    role: 'county_staff',
    displayName: '测试县工作人员',
    scope: { countyCode: COUNTY },
  });
});

describe('the area counters', () => {
  let h1: Created;
  let h2: Created;
  let h3: Created;

  it('move with every registry write through the API, exactly once; a replayed or stale request moves nothing', async () => {
    h1 = await create(A1);
    h2 = await create(A1);
    h3 = await create(A2, 'lifted');
    addedMonth = shanghaiMonth(new Date(h1.createdAt));
    expect(await village(A1)).toEqual({ households: 2, persons: 6, type_general: 2 });
    expect(await village(A2)).toEqual({ households: 1, persons: 3, type_lifted: 1 });
    expect(await counterItem(`MONTH#${addedMonth}#${A1}`)).toMatchObject({
      month: addedMonth,
      villageCode: A1,
      townCode: TOWN_A,
      households_added: 2,
    });

    const retyped = await client().patch(`/households/${h1.householdId}`, { version: 1, type: 'lifted' });
    expect(retyped.status).toBe(200);
    const replayed = await client().patch(`/households/${h1.householdId}`, { version: 1, type: 'general' });
    expect([replayed.status, replayed.body.code]).toEqual([409, 'STALE_VERSION']);
    expect(await village(A1)).toEqual({ households: 2, persons: 6, type_general: 1, type_lifted: 1 });

    const daughter = h1.members.find((m) => m.relation === 'daughter');
    const left = await client().post(`/households/${h1.householdId}/members/${daughter?.memberId}/leave`, {
      version: 2,
      reason: 'married_out',
    });
    expect(left.status).toBe(200);
    const leftAgain = await client().post(
      `/households/${h1.householdId}/members/${daughter?.memberId}/leave`,
      {
        version: 2,
        reason: 'married_out',
      },
    );
    expect(leftAgain.status).toBe(409);
    expect(await village(A1)).toEqual({ households: 2, persons: 5, type_general: 1, type_lifted: 1 });

    const spouse = h2.members.find((m) => m.relation === 'spouse');
    const moved = await client().post(`/households/${h2.householdId}/members/${spouse?.memberId}/move`, {
      version: 1,
      targetHouseholdId: h3.householdId,
      targetVersion: 1,
      relation: 'other',
      reason: '分户迁入',
    });
    expect(moved.status).toBe(200);
    expect(await village(A1)).toEqual({ households: 2, persons: 4, type_general: 1, type_lifted: 1 });
    expect(await village(A2)).toEqual({ households: 1, persons: 4, type_lifted: 1 });

    const added = await client().post(`/households/${h3.householdId}/members`, {
      version: 2,
      member: memberBody({ name: '王小宝', relation: 'grandson' }),
    });
    expect(added.status).toBe(201);
    expect(await village(A2)).toEqual({ households: 1, persons: 5, type_lifted: 1 });
    h3 = added.body as Created;
  });

  it('move with county approvals: identification, members leaving while monitored, a removal approved once of two', async () => {
    const identification = await procedureAtApproval(h3.householdId, A2, 'identification');
    await approve(identification);
    expect(await village(A2)).toEqual({
      households: 1,
      persons: 5,
      type_monitored: 1,
      status_monitored: 1,
      status_monitored_persons: 5,
      category_unstable_lifted: 1,
      risk_illness: 1,
      risk_schooling: 1,
    });
    expect(await counterItem(`MONTH#${MONTH}#${A2}`)).toMatchObject({ month: MONTH, identified: 1 });
    await expect(approve(identification)).rejects.toMatchObject({ status: 409 });
    expect((await village(A2)).status_monitored).toBe(1);

    const grandson = h3.members.find((m) => m.relation === 'grandson');
    const current = await api(undefined, { token }).get(`/households/${h3.householdId}`);
    const left = await client().post(`/households/${h3.householdId}/members/${grandson?.memberId}/leave`, {
      version: current.body.version,
      reason: 'moved_out',
    });
    expect(left.status).toBe(200);
    expect(await village(A2)).toMatchObject({ persons: 4, status_monitored_persons: 4 });

    const removal = await procedureAtApproval(h3.householdId, A2, 'removal');
    const both = await Promise.allSettled([approve(removal), approve(removal)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await village(A2)).toEqual({
      households: 1,
      persons: 4,
      type_lifted: 1,
      status_removed: 1,
      status_removed_persons: 4,
    });
    expect(await counterItem(`MONTH#${MONTH}#${A2}`)).toMatchObject({ identified: 1, removed: 1 });
  });

  it('are read per county, town and village, with the month trends', async () => {
    const county = await areaCountStore.villages(COUNTY);
    expect(county.map((v) => v.villageCode)).toEqual([A1, A2]);
    const a2 = county.find((v) => v.villageCode === A2);
    expect(a2?.byStatus.removed).toEqual({ households: 1, persons: 4 });
    expect(a2?.byType).toEqual({ general: 0, lifted: 1, monitored: 0 });
    expect((await areaCountStore.villages(COUNTY, TOWN_B)).length).toBe(0);
    expect((await areaCountStore.villages(COUNTY, A1)).map((v) => v.persons)).toEqual([4]);
    const none = { households_added: 0, identified: 0, eliminated: 0, rolled_back: 0, removed: 0 };
    expect(await areaCountStore.months(COUNTY, MONTH, MONTH, TOWN_A)).toEqual([
      { month: MONTH, townCode: TOWN_A, villageCode: A2, events: { ...none, identified: 1, removed: 1 } },
    ]);
    const added = await areaCountStore.months(COUNTY, addedMonth, addedMonth);
    expect(added.map((m) => [m.villageCode, m.events.households_added])).toEqual([
      [A1, 2],
      [A2, 1],
    ]);
    expect(await areaCountStore.months(COUNTY, '2026-01', '2026-03')).toEqual([]);
  });

  it('the nightly registry snapshot finds them equal to its own count', async () => {
    expect(await snapshotCounty({ countyCode: COUNTY })).toEqual({
      countyCode: COUNTY,
      households: 3,
      members: 8,
      areaCountDrift: 0,
    });
  });

  it('a recount of the county finds the maintained items, and repairs items that drifted', async () => {
    const maintained = await areaCountStore.villages(COUNTY);
    const check = await recountAreas(areaCountStore, COUNTY, 'check');
    expect(check).toEqual({ countyCode: COUNTY, households: 3, villages: 2, drift: [], applied: false });

    await dynamo.send(
      new PutCommand({
        TableName: tableName.main(),
        Item: { pk: `COUNTS#${COUNTY}`, sk: `VILLAGE#${A1}`, villageCode: A1, households: 7, persons: 4 },
      }),
    );
    await dynamo.send(
      new PutCommand({
        TableName: tableName.main(),
        Item: { pk: `COUNTS#${COUNTY}`, sk: `VILLAGE#${B1}`, villageCode: B1, households: 1 },
      }),
    );
    const repaired = await recountAreas(areaCountStore, COUNTY, 'apply');
    expect(repaired.applied).toBe(true);
    expect(repaired.drift).toEqual([
      { villageCode: A1, attribute: 'households', maintained: 7, recounted: 2 },
      { villageCode: A1, attribute: 'type_general', maintained: 0, recounted: 1 },
      { villageCode: A1, attribute: 'type_lifted', maintained: 0, recounted: 1 },
      { villageCode: B1, attribute: 'households', maintained: 1, recounted: 0 },
    ]);
    expect(await areaCountStore.villages(COUNTY)).toEqual(maintained);
  });

  it('move with an elimination and a rollback, each in its month', async () => {
    const h = await create(B1, 'lifted');
    const none = { households_added: 0, identified: 0, eliminated: 0, rolled_back: 0, removed: 0 };
    const [january, august, september] = [
      '2026-01-05T02:00:00.000Z',
      '2026-08-10T02:00:00.000Z',
      '2026-09-10T02:00:00.000Z',
    ];
    await approve(await procedureAtApproval(h.householdId, B1, 'identification', january), january);
    await incomesAbove(h.householdId, ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    const monitored = {
      households: 1,
      persons: 3,
      type_monitored: 1,
      status_monitored: 1,
      status_monitored_persons: 3,
      category_unstable_lifted: 1,
      risk_illness: 1,
      risk_schooling: 1,
    };
    expect(await village(B1)).toEqual(monitored);

    await approve(await procedureAtApproval(h.householdId, B1, 'elimination', august), august);
    expect(await village(B1)).toEqual({
      households: 1,
      persons: 3,
      type_lifted: 1,
      status_eliminated: 1,
      status_eliminated_persons: 3,
    });

    await approve(await procedureAtApproval(h.householdId, B1, 'rollback', september), september);
    expect(await village(B1)).toEqual(monitored);
    expect(
      (await areaCountStore.months(COUNTY, '2026-01', '2026-09', TOWN_B)).map((m) => [m.month, m.events]),
    ).toEqual([
      ['2026-01', { ...none, identified: 1 }],
      ['2026-08', { ...none, eliminated: 1 }],
      ['2026-09', { ...none, rolled_back: 1 }],
    ]);
    const check = await recountAreas(areaCountStore, COUNTY, 'check');
    expect([check.households, check.drift]).toEqual([4, []]);
  });
});

/**
 * Campaigns through the gateway, on households of this file's own (created through the API; their
 * monitoring records and completed rollback/removal procedures written with the monitoring domain's
 * item makers, dated 2031 so no other test's records fall in the campaign's period): checks by
 * three villages' cadres, a replacement, a late check, the unreachable alert raised and cleared,
 * the 附件2 table per village / town / county and its XLSX against hand-counted cells, the 附件5
 * table (masked JSON, full XLSX, audited), and scope.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../shared/intake/exceljs.ts';
import { dynamoAlertStore } from '../../shared/adapters/alert-store.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { maskResidentId } from '../../shared/domain/mask.ts';
import { stateItem, type HouseholdMonitoring } from '../../shared/domain/monitoring/household-monitoring.ts';
import { procedureItem, type Procedure } from '../../shared/domain/monitoring/procedure.ts';
import type { MonitoringCategory, RiskType } from '../../shared/domain/monitoring/risk.ts';
import { api, baseUrl, tokenFor } from './support/api.ts';
import { householdBody, DONGGOU_VILLAGE, TAIHE_VILLAGE } from '../support/household-input.ts';

const COUNTY = '420702000000';
const TAIHE_TOWN = '420702100000';
const DONGGOU_TOWN = '420702101000';
const BEFORE_DEADLINE = '2031-04-01T02:00:00.000Z';
const AFTER_DEADLINE = '2031-04-12T02:00:00.000Z';

const at = (user: string, now: string) => ({
  post: (path: string, body: unknown) =>
    api(user).raw('POST', path, {
      headers: { 'x-fpb-now': now, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
});

const put = (item: Record<string, unknown>) =>
  dynamo.send(new PutCommand({ TableName: tableName.main(), Item: item }));

interface Made {
  householdId: string;
  /** The full resident IDs sent (the API answers them masked), head first. */
  ids: string[];
}

const newHousehold = async (
  cadre: string,
  villageCode: string,
  type: 'general' | 'lifted',
  persons = 3,
): Promise<Made> => {
  const body = householdBody({ villageCode, type });
  const members = body.members.slice(0, persons);
  const created = await api(cadre).post('/households', { ...body, members });
  expect(created.status).toBe(201);
  return { householdId: created.body.householdId as string, ids: members.map((m) => m.idNumber) };
};

const monitoringState = (
  h: Made,
  villageCode: string,
  status: HouseholdMonitoring['status'],
  category: MonitoringCategory,
  risks: RiskType[],
  extra: Partial<HouseholdMonitoring> = {},
) =>
  put(
    stateItem({
      householdId: h.householdId,
      countyCode: COUNTY,
      townCode: `${villageCode.slice(0, 9)}000`,
      villageCode,
      status,
      category,
      categoryReasons: ['测试'],
      risks,
      monitoredSince: '2030-06-01T02:00:00.000Z',
      planId: randomUUID(),
      typeBefore: 'general',
      greenChannel: false,
      rollbacks: [],
      updatedAt: '2031-01-01T00:00:00.000Z',
      version: 1,
      ...extra,
    }),
  );

const completedProcedure = (
  h: Made,
  villageCode: string,
  kind: Procedure['kind'],
  approvedAt: string,
  reason: string,
) =>
  put(
    procedureItem({
      procedureId: randomUUID(),
      kind,
      status: 'completed',
      householdId: h.householdId,
      countyCode: COUNTY,
      townCode: `${villageCode.slice(0, 9)}000`,
      villageCode,
      openedAt: '2031-01-05T02:00:00.000Z',
      openedBy: 'village.taihe',
      greenChannel: false,
      steps: {},
      change: { reason, evidenceUploadIds: [] },
      outcome: { at: approvedAt, result: 'approved' },
      updatedAt: approvedAt,
      version: 6,
    }),
  );

/** The file a route answers, read with exceljs (JSON errors fail the status check). */
export const fetchSheet = async (
  user: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
) => {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${await tokenFor(user)}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
};

const xlsx = (user: string, path: string) => fetchSheet(user, path);

const rowValues = (sheet: ExcelJS.Worksheet, row: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => sheet.getRow(row).getCell(from + i).text);

let campaignId = '';
const h: Record<string, Made> = {};

beforeAll(async () => {
  const created = await api('county.staff').post('/campaigns', {
    name: '2031年春季防返贫集中排查',
    scope: { level: 'villages', codes: [TAIHE_VILLAGE, DONGGOU_VILLAGE] },
    incomePeriod: { from: '2031-01-01', to: '2031-03-31' },
    deadlines: { plan: '2031-03-10', fieldCheck: '2031-04-10', fixes: '2031-04-20', summary: '2031-04-30' },
  });
  expect(created.status).toBe(201);
  campaignId = created.body.campaignId;

  h.plain = await newHousehold('village.taihe', TAIHE_VILLAGE, 'general');
  h.lifted = await newHousehold('village.taihe', TAIHE_VILLAGE, 'lifted');
  h.monitored = await newHousehold('village.taihe', TAIHE_VILLAGE, 'general');
  h.eliminated = await newHousehold('village.taihe', TAIHE_VILLAGE, 'lifted');
  h.away = await newHousehold('village.taihe', TAIHE_VILLAGE, 'general', 1);
  h.toRemove = await newHousehold('village.donggou', DONGGOU_VILLAGE, 'general');
  h.donggouPlain = await newHousehold('village.donggou', DONGGOU_VILLAGE, 'general', 2);
  await monitoringState(h.monitored, TAIHE_VILLAGE, 'monitored', 'marginal', ['illness']);
  await monitoringState(h.eliminated, TAIHE_VILLAGE, 'eliminated', 'unstable_lifted', ['schooling'], {
    typeBefore: 'lifted',
  });
  await monitoringState(h.toRemove, DONGGOU_VILLAGE, 'monitored', 'sudden_hardship', ['accident']);
});

describe('a campaign', () => {
  it('is listed for the villages it covers and not for another', async () => {
    expect((await api('village.taihe').get(`/campaigns/${campaignId}`)).body.name).toBe(
      '2031年春季防返贫集中排查',
    );
    const town = await api('town.taihe').get('/campaigns');
    expect(town.body.items.map((c: { campaignId: string }) => c.campaignId)).toContain(campaignId);
    expect((await api('village.shaojialong').get(`/campaigns/${campaignId}`)).status).toBe(404);
    const mine = (await api('village.shaojialong').get('/campaigns')).body.items;
    expect(mine.map((c: { campaignId: string }) => c.campaignId)).not.toContain(campaignId);
    expect((await api('other.county.staff').get(`/campaigns/${campaignId}`)).status).toBe(404);
  });

  it('refuses a bad campaign with field paths', async () => {
    const bad = await api('county.staff').post('/campaigns', {
      name: '',
      scope: { level: 'villages', codes: ['420703100201'] },
      incomePeriod: { from: '2031-03-01', to: '2031-01-01' },
      deadlines: { plan: '2031-03-10', fieldCheck: '2031-03-01', fixes: '2031-04-20', summary: '2031-04-30' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.deadlines.fieldCheck',
      'body.incomePeriod.to',
      'body.name',
    ]);
    const outside = await api('county.staff').post('/campaigns', {
      name: '越界',
      scope: { level: 'villages', codes: ['420703100201'] },
      incomePeriod: { from: '2031-01-01', to: '2031-03-31' },
      deadlines: { plan: '2031-03-10', fieldCheck: '2031-04-10', fixes: '2031-04-20', summary: '2031-04-30' },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.issues).toEqual([
      { path: 'body.scope.codes.0', message: '排查范围应在本县（市、区）内' },
    ]);
    expect((await api('village.taihe').post('/campaigns', {})).status).toBe(403);
  });
});

describe('checks, the unreachable alert and the 附件2 table', () => {
  const alertKey = () => `${campaignId}#${TAIHE_VILLAGE}`;

  it('records checks, raises the alert for an unreachable household and clears it when reached', async () => {
    const taihe = at('village.taihe', BEFORE_DEADLINE);
    const check = (user: ReturnType<typeof at>, body: Record<string, unknown>) =>
      user.post(`/campaigns/${campaignId}/checks`, body);

    const plain = await check(taihe, {
      householdId: h.plain?.householdId,
      method: 'in_person',
      findings: 'none',
    });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ checkedType: 'general', persons: 3, late: false, version: 1 });

    const away = await check(taihe, {
      householdId: h.away?.householdId,
      method: 'unreachable',
      findings: 'none',
    });
    expect(away.status).toBe(200);
    const raised = await dynamoAlertStore.get(COUNTY, 'unreachable_persons', alertKey());
    expect(raised).toMatchObject({
      status: 'open',
      scopeCode: TAIHE_VILLAGE,
      links: [
        { type: 'campaign', id: campaignId },
        { type: 'region', id: TAIHE_VILLAGE },
      ],
    });

    expect(
      (
        await check(taihe, {
          householdId: h.lifted?.householdId,
          method: 'phone',
          findings: 'newly_identified',
          category: 'unstable_lifted',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await check(taihe, {
          householdId: h.monitored?.householdId,
          method: 'in_person',
          findings: 'to_eliminate',
        })
      ).body,
    ).toMatchObject({ checkedType: 'monitored', category: 'marginal' });
    expect(
      (
        await check(taihe, {
          householdId: h.eliminated?.householdId,
          method: 'in_person',
          findings: 'to_roll_back',
        })
      ).body,
    ).toMatchObject({ checkedType: 'monitored', category: 'unstable_lifted' });

    const reached = await check(taihe, {
      householdId: h.away?.householdId,
      method: 'in_person',
      findings: 'newly_identified',
      category: 'marginal',
      note: '外出务工返乡',
    });
    expect(reached.body).toMatchObject({
      version: 2,
      history: [{ method: 'unreachable', findings: 'none' }],
    });
    expect(await dynamoAlertStore.get(COUNTY, 'unreachable_persons', alertKey())).toMatchObject({
      status: 'cleared',
    });

    const late = await check(at('village.donggou', AFTER_DEADLINE), {
      householdId: h.toRemove?.householdId,
      method: 'in_person',
      findings: 'to_remove',
    });
    expect(late.body).toMatchObject({ late: true, category: 'sudden_hardship', persons: 3 });
    expect(
      (
        await check(at('village.donggou', BEFORE_DEADLINE), {
          householdId: h.donggouPlain?.householdId,
          method: 'phone',
          findings: 'none',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses out-of-reach households (404), findings that do not fit (409) and a missing category (400)', async () => {
    const check = (user: string, body: Record<string, unknown>) =>
      at(user, BEFORE_DEADLINE).post(`/campaigns/${campaignId}/checks`, body);
    const foreign = await check('village.shaojialong', {
      householdId: h.plain?.householdId,
      method: 'in_person',
      findings: 'none',
    });
    expect(foreign.status).toBe(404);
    const misfit = await check('village.taihe', {
      householdId: h.plain?.householdId,
      method: 'in_person',
      findings: 'to_eliminate',
    });
    expect([misfit.status, misfit.body.code]).toEqual([409, 'FINDING_NOT_APPLICABLE']);
    const noCategory = await check('village.taihe', {
      householdId: h.plain?.householdId,
      method: 'in_person',
      findings: 'newly_identified',
    });
    expect([noCategory.status, noCategory.body.issues[0].path]).toEqual([400, 'body.category']);
    expect(
      (await check('auditor', { householdId: h.plain?.householdId, method: 'phone', findings: 'none' }))
        .status,
    ).toBe(403);
  });

  it('sums the 附件2 table per village, town and county (hand-counted)', async () => {
    const byVillage = await api('county.staff').get(
      `/campaigns/${campaignId}/summary?level=village&code=${COUNTY}`,
    );
    expect(byVillage.status).toBe(200);
    const [taihe, donggou] = byVillage.body.rows;
    expect([taihe.name, taihe.checked]).toEqual([
      '太和村',
      { total: 5, general: 2, lifted: 1, monitored: 2 },
    ]);
    expect(taihe.newlyIdentified).toEqual({
      total: { households: 2, persons: 4 },
      unstable_lifted: { households: 1, persons: 3 },
      marginal: { households: 1, persons: 1 },
      sudden_hardship: { households: 0, persons: 0 },
    });
    expect(taihe.toEliminate.total).toEqual({ households: 1, persons: 3 });
    expect(taihe.toEliminate.marginal).toEqual({ households: 1, persons: 3 });
    expect(taihe.toRollBackOrRemove.unstable_lifted).toEqual({ households: 1, persons: 3 });
    expect([taihe.unreachable, taihe.late]).toEqual([0, 0]);
    expect([donggou.name, donggou.checked]).toEqual([
      '东沟村',
      { total: 2, general: 1, lifted: 0, monitored: 1 },
    ]);
    expect(donggou.toRollBackOrRemove.sudden_hardship).toEqual({ households: 1, persons: 3 });
    expect(donggou.late).toBe(1);
    expect(byVillage.body.total.checked.total).toBe(7);
    expect(byVillage.body.total.toRollBackOrRemove.total).toEqual({ households: 2, persons: 6 });

    const byTown = await api('county.staff').get(`/campaigns/${campaignId}/summary?level=town`);
    expect(byTown.body.rows.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([
      [TAIHE_TOWN, '太和镇'],
      [DONGGOU_TOWN, '东沟镇'],
    ]);
    const county = await api('county.staff').get(`/campaigns/${campaignId}/summary?level=county`);
    expect(
      county.body.rows.map((r: { name: string; checked: { total: number } }) => [r.name, r.checked.total]),
    ).toEqual([['梁子湖区', 7]]);
    const town = await api('town.taihe').get(`/campaigns/${campaignId}/summary?level=village`);
    expect(town.body.rows.map((r: { code: string }) => r.code)).toEqual([TAIHE_VILLAGE]);
    expect(
      (await api('town.taihe').get(`/campaigns/${campaignId}/summary?code=${DONGGOU_TOWN}`)).status,
    ).toBe(404);
  });

  it('exports the 附件2 table as XLSX in the form layout', async () => {
    const sheet = await xlsx('county.staff', `/campaigns/${campaignId}/summary?level=village&format=xlsx`);
    expect(sheet.getCell(1, 1).text).toBe('入户排查情况汇总表');
    expect(sheet.getCell(2, 1).text).toBe('填报单位(盖章)：梁子湖区');
    expect(rowValues(sheet, 3, 1, 6)).toEqual([
      '地区',
      '排查总户数',
      '排查数量',
      '排查数量',
      '排查数量',
      '新识别纳入监测户情况',
    ]);
    expect(rowValues(sheet, 4, 3, 9)).toEqual([
      '一般农户(户)',
      '脱贫户(户)',
      '监测对象(户)',
      '合计',
      '合计',
      '脱贫不稳定户',
      '脱贫不稳定户',
    ]);
    expect(rowValues(sheet, 5, 6, 9)).toEqual(['户数', '人数', '户数', '人数']);
    expect(rowValues(sheet, 6, 1, 30)).toEqual(
      ['太和村', 5, 2, 1, 2, 2, 4, 1, 3, 1, 1, 0, 0, 1, 3, 0, 0, 1, 3, 0, 0, 1, 3, 1, 3, 0, 0, 0, 0, ''].map(
        String,
      ),
    );
    expect(rowValues(sheet, 7, 1, 30)).toEqual(
      [
        '东沟村',
        2,
        1,
        0,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        1,
        3,
        0,
        0,
        0,
        0,
        1,
        3,
        '逾期录入 1 户',
      ].map(String),
    );
    expect(rowValues(sheet, 8, 1, 5)).toEqual(['合计', '7', '3', '1', '3']);
    expect(sheet.getCell(9, 1).text).toBe(
      '备注：脱贫户只统计未纳入监测对象的脱贫户，已消除风险的脱贫不稳定户计入监测对象',
    );
  });
});

describe('the 附件5 rollback/removal table', () => {
  const r: Record<string, Made> = {};

  beforeAll(async () => {
    r.rolledBack = await newHousehold('village.taihe', TAIHE_VILLAGE, 'lifted');
    r.removed = await newHousehold('village.donggou', DONGGOU_VILLAGE, 'general', 1);
    r.oldRemoval = await newHousehold('village.taihe', TAIHE_VILLAGE, 'general');
    r.eliminated = await newHousehold('village.taihe', TAIHE_VILLAGE, 'general');
    await monitoringState(
      r.rolledBack,
      TAIHE_VILLAGE,
      'monitored',
      'unstable_lifted',
      ['illness', 'lack_of_labour'],
      {
        monitoredSince: '2031-03-15T02:00:00.000Z',
      },
    );
    await monitoringState(r.removed, DONGGOU_VILLAGE, 'removed', 'marginal', ['unstable_employment']);
    // 2031-03-15 10:00 and 2031-03-20 10:00 in Shanghai; 2030-12-01 and an elimination do not count
    await completedProcedure(
      r.rolledBack,
      TAIHE_VILLAGE,
      'rollback',
      '2031-03-15T02:00:00.000Z',
      '因病返贫风险再现',
    );
    await completedProcedure(
      r.removed,
      DONGGOU_VILLAGE,
      'removal',
      '2031-03-20T02:00:00.000Z',
      '家庭有财政供养人员',
    );
    await completedProcedure(
      r.oldRemoval,
      TAIHE_VILLAGE,
      'removal',
      '2030-12-01T02:00:00.000Z',
      '早于本次排查',
    );
    await completedProcedure(
      r.eliminated,
      TAIHE_VILLAGE,
      'elimination',
      '2031-03-16T02:00:00.000Z',
      '风险消除',
    );
  });

  it('lists the period’s rollbacks and removals with masked heads, and totals', async () => {
    const table = await api('county.staff').get(`/campaigns/${campaignId}/rollbacks`);
    expect(table.status).toBe(200);
    expect(table.body.lines).toEqual([
      expect.objectContaining({
        householdId: r.rolledBack?.householdId,
        villageCode: TAIHE_VILLAGE,
        headName: '张**',
        headIdNumber: maskResidentId(r.rolledBack?.ids[0] ?? ''),
        persons: 3,
        monitoredSince: '2031-03-15',
        risks: ['因病', '缺劳动力'],
        kind: 'rollback',
        kindZh: '回退',
        reason: '因病返贫风险再现',
      }),
      expect.objectContaining({
        householdId: r.removed?.householdId,
        villageCode: DONGGOU_VILLAGE,
        persons: 1,
        monitoredSince: '2030-06-01',
        risks: ['因务工就业不稳'],
        kindZh: '清退',
        reason: '家庭有财政供养人员',
      }),
    ]);
    expect(table.body.totals).toEqual({
      rollback: { households: 1, persons: 3 },
      removal: { households: 1, persons: 1 },
    });
    const byTown = await api('county.staff').get(`/campaigns/${campaignId}/rollbacks?level=town`);
    expect(byTown.body.subtotals).toEqual([
      {
        code: TAIHE_TOWN,
        name: '太和镇',
        totals: { rollback: { households: 1, persons: 3 }, removal: { households: 0, persons: 0 } },
      },
      {
        code: DONGGOU_TOWN,
        name: '东沟镇',
        totals: { rollback: { households: 0, persons: 0 }, removal: { households: 1, persons: 1 } },
      },
    ]);
    const town = await api('town.donggou').get(`/campaigns/${campaignId}/rollbacks`);
    expect(town.body.lines.map((l: { householdId: string }) => l.householdId)).toEqual([
      r.removed?.householdId,
    ]);
  });

  it('exports it as XLSX in the form layout with full heads, each household audited', async () => {
    const sheet = await xlsx('county.staff', `/campaigns/${campaignId}/rollbacks?format=xlsx`);
    expect(sheet.getCell(1, 1).text).toBe('监测对象回退、清退情况统计表');
    expect(rowValues(sheet, 3, 1, 11)).toEqual([
      '序号',
      '县市区',
      '镇（新区）',
      '村',
      '户主姓名',
      '户主证件号码',
      '识别纳入人数',
      '纳入监测时间',
      '风险类型',
      '回退清退情况',
      '原因详情',
    ]);
    expect(rowValues(sheet, 4, 1, 11)).toEqual([
      '1',
      '梁子湖区',
      '太和镇',
      '太和村',
      '张三丰',
      r.rolledBack?.ids[0],
      '3',
      '2031-03-15',
      '因病、缺劳动力',
      '回退',
      '因病返贫风险再现',
    ]);
    expect(rowValues(sheet, 5, 1, 11)).toEqual([
      '2',
      '梁子湖区',
      '东沟镇',
      '东沟村',
      '张三丰',
      r.removed?.ids[0],
      '1',
      '2030-06-01',
      '因务工就业不稳',
      '清退',
      '家庭有财政供养人员',
    ]);
    expect(sheet.getCell(6, 1).text).toBe('合计：回退 1 户 3 人；清退 1 户 1 人');
    const history = await api('auditor').get(`/households/${r.removed?.householdId}/history?limit=50`);
    expect(
      history.body.items.filter(
        (e: { action: string; actor: { username: string } }) =>
          e.action === 'identity.read' && e.actor.username === 'county.staff',
      ),
    ).toHaveLength(1);
  });
});

describe('concurrent checks', () => {
  it('keep the counters equal to the checks: parallel households all count, the same household twice once', async () => {
    const created = await api('county.staff').post('/campaigns', {
      name: '并发录入',
      scope: { level: 'villages', codes: [DONGGOU_VILLAGE] },
      incomePeriod: { from: '2031-01-01', to: '2031-03-31' },
      deadlines: { plan: '2031-03-10', fieldCheck: '2031-04-10', fixes: '2031-04-20', summary: '2031-04-30' },
    });
    const id = created.body.campaignId as string;
    const households = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => newHousehold('village.donggou', DONGGOU_VILLAGE, 'general', (n % 3) + 1)),
    );
    const donggou = at('village.donggou', BEFORE_DEADLINE);
    const results = await Promise.all(
      households.map((one) =>
        donggou.post(`/campaigns/${id}/checks`, {
          householdId: one.householdId,
          method: 'in_person',
          findings: 'newly_identified',
          category: 'marginal',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const twice = await Promise.all(
      [0, 1].map(() =>
        donggou.post(`/campaigns/${id}/checks`, {
          householdId: households[0]?.householdId,
          method: 'unreachable',
          findings: 'none',
        }),
      ),
    );
    // whichever way the two interleave: at least one is recorded, a loser is 409 STALE_VERSION
    expect(twice.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(twice.filter((r) => r.status !== 200).map((r) => [r.status, r.body.code])).toEqual(
      twice.length === twice.filter((r) => r.status === 200).length ? [] : [[409, 'STALE_VERSION']],
    );
    const again = await donggou.post(`/campaigns/${id}/checks`, {
      householdId: households[0]?.householdId,
      method: 'unreachable',
      findings: 'none',
    });
    expect([again.status, again.body.history.at(-1).method]).toEqual([200, 'unreachable']);
    const summary = await api('county.staff').get(`/campaigns/${id}/summary?level=village`);
    expect(summary.body.total.checked).toEqual({ total: 5, general: 5, lifted: 0, monitored: 0 });
    // persons 2, 3, 1, 2, 3; the first household's check became "unreachable, nothing found"
    expect(summary.body.total.newlyIdentified.marginal).toEqual({ households: 4, persons: 9 });
    expect(summary.body.total.unreachable).toBe(1);
  });
});

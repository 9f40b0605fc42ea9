/**
 * The A1–A55 collection form export through the gateway: a lifted household with an eliminated
 * monitoring record, its contact, two measures and a month's income (written with the monitoring
 * domain's item makers) and a general household without any, exported by selection and read back
 * with exceljs field by field; a whole village; every exported household audited; scope.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../shared/intake/exceljs.ts';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { computeIncome } from '../../shared/domain/income.ts';
import { incomeItem, measureItem, stateItem } from '../../shared/domain/monitoring/household-monitoring.ts';
import { MEASURES, type Measure, type MeasureCode } from '../../shared/domain/monitoring/measures.ts';
import { api, baseUrl, tokenFor } from './support/api.ts';
import { householdBody, DONGGOU_VILLAGE, TAIHE_VILLAGE } from '../support/household-input.ts';

const COUNTY = '420702000000';
const put = (item: Record<string, unknown>) =>
  dynamo.send(new PutCommand({ TableName: tableName.main(), Item: item }));

const exportSheet = async (user: string, body: unknown, query = '') => {
  const response = await fetch(`${baseUrl()}/exports/collection-form${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(user)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: 63 }, (_, i) => row.getCell(i + 1).text)));
  return rows;
};

const CODES = [
  ...Array.from({ length: 27 }, (_, i) => `A${i + 1}`),
  'A27a',
  ...Array.from({ length: 28 }, (_, i) => `A${i + 28}`),
  'householdId',
  'countyCode',
  'townCode',
  'villageCode',
  'group',
  'address',
  'phone',
];

const measure = (householdId: string, code: MeasureCode) => {
  const m: Measure = {
    measureId: randomUUID(),
    householdId,
    code,
    label: MEASURES[code].label,
    field: MEASURES[code].field,
    group: MEASURES[code].group,
    risk: 'illness',
    ownerDepartment: 'medical_insurance',
    status: 'done',
    greenChannel: false,
    createdAt: '2030-07-01T00:00:00.000Z',
    createdBy: 'village.taihe',
    updatedAt: '2030-07-01T00:00:00.000Z',
    version: 1,
  };
  return measureItem(m);
};

let lifted = { householdId: '', ids: [] as string[] };
let general = { householdId: '', ids: [] as string[] };

beforeAll(async () => {
  const liftedBody = householdBody({ type: 'lifted', relocationSite: true });
  const made = await api('village.taihe').post('/households', liftedBody);
  expect(made.status).toBe(201);
  lifted = { householdId: made.body.householdId, ids: liftedBody.members.map((m) => m.idNumber) };
  const generalBody = householdBody({
    villageCode: DONGGOU_VILLAGE,
    address: '东沟村一组3号',
    group: '一组',
    members: householdBody().members.slice(0, 1),
  });
  const other = await api('village.donggou').post('/households', generalBody);
  expect(other.status).toBe(201);
  general = { householdId: other.body.householdId, ids: generalBody.members.map((m) => m.idNumber) };

  const id = lifted.householdId;
  await put(
    stateItem({
      householdId: id,
      countyCode: COUNTY,
      townCode: '420702100000',
      villageCode: TAIHE_VILLAGE,
      status: 'eliminated',
      category: 'unstable_lifted',
      categoryReasons: ['户类型为脱贫户'],
      risks: ['illness', 'schooling'],
      monitoredSince: '2030-06-01T02:00:00.000Z',
      planId: randomUUID(),
      typeBefore: 'lifted',
      greenChannel: false,
      contact: {
        name: '刘联络',
        phone: '13900001111',
        setAt: '2030-06-02T00:00:00.000Z',
        setBy: 'village.taihe',
      },
      // 2031-02-10 in Shanghai
      eliminatedAt: '2031-02-09T17:00:00.000Z',
      eliminationMethod: 'assistance',
      rollbacks: [],
      updatedAt: '2031-02-09T17:00:00.000Z',
      version: 4,
    }),
  );
  await put(measure(id, 'health'));
  await put(measure(id, 'dibao'));
  await put(measure(id, 'prevention_insurance'));
  const components = {
    a28WagesFen: 3_600_000,
    a29BusinessFen: 120_000,
    a30PropertyFen: 0,
    a31TransferFen: 50_000,
    a32BusinessExpensesFen: 20_000,
    a35ClaimIncomeFen: 0,
    a36SelfPaidFen: 300_000,
  };
  const record = (month: string, wages: number) => ({
    householdId: id,
    month,
    components: { ...components, a28WagesFen: wages },
    figures: computeIncome({ ...components, a28WagesFen: wages }, 3),
    source: 'monthly' as const,
    recordedAt: `${month}-28T00:00:00.000Z`,
    recordedBy: 'village.taihe',
  });
  await put(incomeItem(record('2030-12', 1_000_000)));
  await put(incomeItem(record('2031-01', 3_600_000)));
});

describe('the A1–A55 export', () => {
  it('writes the selected households field by field, one row per member', async () => {
    const rows = await exportSheet('county.staff', {
      householdIds: [lifted.householdId, general.householdId],
    });
    expect(rows[0]).toEqual(CODES);
    expect(rows[1]?.slice(0, 8)).toEqual([
      '居住在大中型易地扶贫搬迁集中安置区',
      '安置区地址',
      '监测对象类别',
      '脱贫户',
      '姓名',
      '性别',
      '居民身份证（残疾人证）号码',
      '与户主关系',
    ]);
    const household = (id: string, village: string, town: string, group: string, address: string) => [
      id,
      COUNTY,
      town,
      village,
      group,
      address,
      '13812345678',
    ];
    const liftedHousehold = {
      a1to4: ['是', '', '脱贫不稳定户', '是'],
      a23to55: [
        '',
        '否',
        '',
        '否',
        '因病、因学',
        '',
        '36000.00',
        '1200.00',
        '0.00',
        '500.00',
        '200.00',
        '37500.00',
        '12500.00',
        '0.00',
        '3000.00',
        '34500.00',
        '11500.00',
        '',
        '',
        '',
        '',
        '',
        '',
        '健康帮扶',
        '',
        '',
        '综合保障：最低生活保障、综合保障：防贫保险（防贫保）',
        '',
        '',
        '',
        '',
        '帮扶消除',
        '2031-02-10',
        '刘联络 13900001111',
      ],
      place: household(lifted.householdId, TAIHE_VILLAGE, '420702100000', '三组', '太和村三组12号'),
    };
    const person = (
      name: string,
      sex: string,
      id: string,
      relation: string,
      schooling: string,
      health: string,
    ) => [
      name,
      sex,
      id,
      relation,
      '汉族',
      '群众',
      '',
      schooling,
      health,
      '普通劳动力',
      '',
      '0',
      '是',
      '是',
      '否',
      '否',
      '否',
      '否',
    ];
    const [head, spouse, daughter] = lifted.ids;
    const liftedRow = (p: string[]) => [
      ...liftedHousehold.a1to4,
      ...p,
      ...liftedHousehold.a23to55,
      ...liftedHousehold.place,
    ];
    expect(rows.slice(2)).toEqual([
      liftedRow(person('张三丰', '男', head ?? '', '户主', '非在校生', '健康')),
      liftedRow(person('李四娘', '女', spouse ?? '', '配偶', '非在校生', '长期慢性病')),
      liftedRow(person('张小妹', '女', daughter ?? '', '之女', '七年级至九年级', '健康')),
      [
        '否',
        '',
        '',
        '否',
        ...person('张三丰', '男', general.ids[0] ?? '', '户主', '非在校生', '健康'),
        '',
        '否',
        '',
        '否',
        ...Array.from({ length: 30 }, () => ''),
        ...household(general.householdId, DONGGOU_VILLAGE, '420702101000', '一组', '东沟村一组3号'),
      ],
    ]);
  });

  it('records every exported household as a full personal-data read', async () => {
    await exportSheet('town.taihe', { householdIds: [lifted.householdId] });
    const history = await api('auditor').get(`/households/${lifted.householdId}/history?limit=50`);
    const reads = history.body.items.filter((e: { action: string }) => e.action === 'identity.read');
    expect(
      reads.map((e: { actor: { username: string }; summary: string }) => [e.actor.username, e.summary]),
    ).toEqual([
      ['county.staff', '导出防止返贫监测对象信息采集表（A1–A55）：户主 张**'],
      ['town.taihe', '导出防止返贫监测对象信息采集表（A1–A55）：户主 张**'],
    ]);
  });

  it('exports a whole village (its households only)', async () => {
    const rows = await exportSheet('village.donggou', {}, `?villageCode=${DONGGOU_VILLAGE}`);
    const ids = new Set(rows.slice(2).map((r) => r[56]));
    expect(ids.has(general.householdId)).toBe(true);
    expect(ids.has(lifted.householdId)).toBe(false);
    expect(rows.slice(2).every((r) => r[59] === DONGGOU_VILLAGE)).toBe(true);
  });

  it('keeps to the caller’s reach and to the roles allowed full IDs', async () => {
    const post = (user: string, body: unknown, query = '') =>
      api(user).post(`/exports/collection-form${query}`, body);
    expect((await post('village.donggou', { householdIds: [lifted.householdId] })).status).toBe(404);
    expect((await post('village.taihe', {}, `?villageCode=${DONGGOU_VILLAGE}`)).status).toBe(404);
    expect((await post('other.county.staff', { householdIds: [general.householdId] })).status).toBe(404);
    expect((await post('auditor', { householdIds: [general.householdId] })).status).toBe(403);
    const none = await post('county.staff', {});
    expect([none.status, none.body.issues]).toEqual([
      400,
      [{ path: 'body.householdIds', message: '请选择农户，或指定整村导出（villageCode）' }],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { rowFromValues, type RowValues } from '../../../shared/intake/row-from-values.ts';
import { headerOf } from '../../../shared/intake/columns.ts';
import { yuanToFen } from '../../../shared/intake/amount.ts';
import { eventDateOf } from '../../../shared/intake/event-date.ts';
import { ID_A, ID_B } from '../../fixtures/intake/files.ts';

const illness: RowValues = {
  residentId: ID_A,
  name: '张三',
  villageCode: '420702100201',
  category: '因病',
  amount: '12,345.60',
  eventDate: '2026-03-01',
  sourceRef: 'YB-001',
};

describe('yuanToFen', () => {
  it('converts exactly, with thousands separators, currency signs and numbers', () => {
    expect(yuanToFen('1,234.50')).toEqual({ ok: true, fen: 123450 });
    expect(yuanToFen('1234.5')).toEqual({ ok: true, fen: 123450 });
    expect(yuanToFen('￥0.07')).toEqual({ ok: true, fen: 7 });
    expect(yuanToFen('.5')).toEqual({ ok: true, fen: 50 });
    expect(yuanToFen('100')).toEqual({ ok: true, fen: 10000 });
    expect(yuanToFen('2.300')).toEqual({ ok: true, fen: 230 });
    expect(yuanToFen(1234.56)).toEqual({ ok: true, fen: 123456 });
    expect(yuanToFen(0.29)).toEqual({ ok: true, fen: 29 });
    expect(yuanToFen(1.005)).toEqual({ ok: false, message: '金额最多两位小数' });
    expect(yuanToFen(0.1 + 0.2)).toEqual({ ok: true, fen: 30 });
    expect(yuanToFen(1234.5600000000002)).toEqual({ ok: true, fen: 123456 });
    expect(yuanToFen(12.345)).toEqual({ ok: false, message: '金额最多两位小数' });
    expect(yuanToFen('99999999.99')).toEqual({ ok: true, fen: 9999999999 });
  });

  it('refuses more than two decimals, negatives, text and huge numbers', () => {
    expect(yuanToFen('12.345')).toEqual({ ok: false, message: '金额最多两位小数' });
    expect(yuanToFen('-5')).toEqual({ ok: false, message: '金额不能为负' });
    expect(yuanToFen(-0.01)).toEqual({ ok: false, message: '金额不能为负' });
    expect(yuanToFen('约五千')).toEqual({ ok: false, message: '金额应为数字（单位：元）' });
    expect(yuanToFen('1e5')).toEqual({ ok: false, message: '金额应为数字（单位：元）' });
    expect(yuanToFen('100000000000')).toEqual({ ok: false, message: '金额过大' });
    expect(yuanToFen(1e21)).toEqual({ ok: false, message: '金额过大' });
  });
});

describe('eventDateOf', () => {
  it('reads the forms departments use', () => {
    for (const form of [
      '2026-03-01',
      '2026/3/1',
      '2026.3.1',
      '2026年3月1日',
      '20260301',
      ' 2026-3-1 ',
      '2026-03-01 00:00:00',
    ])
      expect(eventDateOf(form)).toEqual({ ok: true, date: '2026-03-01' });
    expect(eventDateOf(new Date(Date.UTC(2026, 2, 1)))).toEqual({ ok: true, date: '2026-03-01' });
    expect(eventDateOf(46082)).toEqual({ ok: true, date: '2026-03-01' });
    expect(eventDateOf('46082')).toEqual({ ok: true, date: '2026-03-01' });
  });

  it('refuses impossible dates and other text', () => {
    for (const form of ['2026-02-30', '2026-13-01', '3/1/2026', '下月', '12'])
      expect(eventDateOf(form)).toEqual({ ok: false, message: '日期格式应为 YYYY-MM-DD（如 2026-03-01）' });
  });
});

describe('rowFromValues', () => {
  it('maps a file row to the shared row: enums, fen, ISO date', () => {
    expect(rowFromValues({ ...illness, perCapitaIncome: 8600, note: '住院' })).toEqual({
      ok: true,
      row: {
        residentId: ID_A,
        name: '张三',
        villageCode: '420702100201',
        category: 'illness',
        amountFen: 1234560,
        eventDate: '2026-03-01',
        sourceRef: 'YB-001',
        perCapitaIncomeFen: 860000,
        note: '住院',
      },
    });
  });

  it('maps the zh-CN labels of disaster kinds and school levels', () => {
    const disaster = rowFromValues({ ...illness, category: '因灾', disasterKind: '地质灾害' });
    expect(disaster.ok && disaster.row).toMatchObject({ category: 'disaster', disasterKind: 'geological' });
    const school = rowFromValues({ ...illness, category: '因学', schoolLevel: '中职' });
    expect(school.ok && school.row).toMatchObject({
      category: 'schooling',
      schoolLevel: 'secondary_vocational',
    });
  });

  it('takes exceljs values: numbers for codes, dates as Date, serials', () => {
    const result = rowFromValues({
      ...illness,
      villageCode: 420702100201,
      amount: 12345.6,
      eventDate: new Date(Date.UTC(2026, 2, 1)),
      sourceRef: 778899,
    });
    expect(result.ok && result.row).toMatchObject({
      villageCode: '420702100201',
      amountFen: 1234560,
      sourceRef: '778899',
    });
  });

  it('reports every problem under the Chinese column header', () => {
    expect(
      rowFromValues({
        residentId: `${ID_B.slice(0, 17)}${ID_B.endsWith('0') ? '1' : '0'}`,
        villageCode: '420702100201',
        category: '因灾',
        disasterKind: '台风',
        amount: '12.345',
        eventDate: '2026-02-30',
        sourceRef: 'X',
      }),
    ).toEqual({
      ok: false,
      errors: [
        { field: '姓名', message: '此列不能为空' },
        {
          field: '灾害类型',
          message: '应为以下之一：洪涝灾害、地质灾害、旱灾、生物灾害、气象灾害、地震灾害、其他',
        },
        { field: '金额（元）', message: '金额最多两位小数' },
        { field: '事件日期', message: '日期格式应为 YYYY-MM-DD（如 2026-03-01）' },
        { field: '身份证号', message: '身份证号码校验位不正确' },
      ],
    });
  });

  it('applies the row rules: a disaster needs its kind, schooling its level', () => {
    expect(rowFromValues({ ...illness, category: '因学' })).toEqual({
      ok: false,
      errors: [{ field: '学段', message: '因学事件须填写学段' }],
    });
    expect(rowFromValues({ ...illness, category: '因病2' })).toEqual({
      ok: false,
      errors: [{ field: '事件类别', message: '应为以下之一：因病、因灾、因学' }],
    });
  });

  it('explains an ID Excel turned into a number', () => {
    const result = rowFromValues({ ...illness, residentId: 420702198001010000 });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['身份证号']);
  });
});

describe('headerOf', () => {
  it('gives the column header for file and schema field names alike', () => {
    expect(headerOf('amountFen')).toBe('金额（元）');
    expect(headerOf('amount')).toBe('金额（元）');
    expect(headerOf('perCapitaIncomeFen')).toBe('家庭年人均纯收入（元）');
    expect(headerOf('residentId')).toBe('身份证号');
    expect(headerOf('somethingElse')).toBe('somethingElse');
  });
});

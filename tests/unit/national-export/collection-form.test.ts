import { describe, expect, it } from 'vitest';
import {
  COLLECTION_COLUMNS,
  FIELD_CODES,
  collectionRows,
  latestIncome,
} from '../../../shared/domain/national-export/collection-form.ts';
import type { Household } from '../../../shared/domain/household-schema.ts';

const member = (over: Record<string, unknown>) => ({
  memberId: 'm',
  name: '张三',
  sex: 'male',
  relation: 'head',
  ethnicity: '汉族',
  politicalStatus: 'masses',
  education: 'junior',
  schooling: 'not_in_school',
  health: 'healthy',
  labour: 'general',
  workRegion: 'in_province',
  workMonths: 6,
  medicalInsurance: true,
  criticalIllnessInsurance: true,
  pensionInsurance: false,
  dibao: false,
  specialHardship: false,
  relocated: false,
  idType: 'resident_id',
  idNumber: '420702198001010012',
  status: 'active',
  joinedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const household = {
  householdId: 'h1',
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  group: '三组',
  address: '太和村三组12号',
  phone: '13812345678',
  type: 'lifted',
  relocationSite: false,
  headName: '张三',
  members: [
    member({
      memberId: 'm2',
      name: '李四',
      sex: 'female',
      relation: 'spouse',
      medicalInsurance: false,
      idNumber: '420702198201010021',
    }),
    member({ memberId: 'm1' }),
    member({ memberId: 'm3', name: '离开', relation: 'son', status: 'left' }),
  ],
  version: 1,
  createdAt: '',
  createdBy: '',
  updatedAt: '',
  updatedBy: '',
} as unknown as Household;

describe('the A1–A55 collection form', () => {
  it('has the fields in form order, A27a after A27', () => {
    expect(FIELD_CODES).toHaveLength(56);
    expect(FIELD_CODES.slice(0, 3)).toEqual(['A1', 'A2', 'A3']);
    expect(FIELD_CODES.slice(26, 29)).toEqual(['A27', 'A27a', 'A28']);
    expect(FIELD_CODES.at(-1)).toBe('A55');
  });

  it('one row per active member, head first, household fields repeated; unheld fields empty', () => {
    const rows = collectionRows({ household, measures: [], income: undefined });
    expect(rows).toHaveLength(2);
    const col = (code: string) => COLLECTION_COLUMNS.findIndex((c) => c.code === code);
    expect(rows.map((r) => [r[col('A5')], r[col('A7')], r[col('A8')], r[col('A17')]])).toEqual([
      ['张三', '420702198001010012', '户主', '是'],
      ['李四', '420702198201010021', '配偶', '否'],
    ]);
    for (const row of rows) {
      expect([
        row[col('A1')],
        row[col('A4')],
        row[col('A26')],
        row[col('A2')],
        row[col('A23')],
        row[col('A33')],
      ]).toEqual(['否', '是', '是', '', '', '']);
      expect(row[col('address')]).toBe('太和村三组12号');
    }
  });

  it('lists a field’s measures in the form’s order, whatever order they were recorded in', () => {
    const m = (code: string, field: string) => ({ code, field }) as never;
    const rows = collectionRows({
      household,
      measures: [m('prevention_insurance', 'A48'), m('health', 'A45'), m('dibao', 'A48'), m('dibao', 'A48')],
    });
    const col = (code: string) => COLLECTION_COLUMNS.findIndex((c) => c.code === code);
    expect([rows[0]?.[col('A45')], rows[0]?.[col('A48')]]).toEqual([
      '健康帮扶',
      '综合保障：最低生活保障、综合保障：防贫保险（防贫保）',
    ]);
  });

  it('takes the latest month of income', () => {
    const rec = (month: string) => ({ month }) as never;
    expect(latestIncome([rec('2026-02'), rec('2026-04'), rec('2026-03')])).toEqual({ month: '2026-04' });
    expect(latestIncome([])).toBeUndefined();
  });
});

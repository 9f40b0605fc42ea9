import { describe, expect, it } from 'vitest';
import {
  assessHousehold,
  incomeTrend,
  statusAtQuarterEnd,
} from '../../../shared/domain/cadence/assessment.ts';
import { monthBefore, quarterBefore, quarterSpan, runIdOf } from '../../../shared/domain/cadence/period.ts';
import type {
  HouseholdMonitoring,
  IncomeRecord,
} from '../../../shared/domain/monitoring/household-monitoring.ts';
import type { Measure } from '../../../shared/domain/monitoring/measures.ts';
import { incomePerHead } from '../../support/income.ts';

const Q2 = quarterSpan('2031-Q2');

const state = (overrides: Partial<HouseholdMonitoring> = {}): HouseholdMonitoring => ({
  householdId: 'h1',
  countyCode: '420702000000',
  townCode: '420702100000',
  villageCode: '420702100201',
  status: 'monitored',
  category: 'marginal',
  categoryReasons: [],
  risks: ['illness', 'schooling'],
  monitoredSince: '2031-01-10T02:00:00.000Z',
  planId: 'p1',
  typeBefore: 'general',
  greenChannel: false,
  rollbacks: [],
  updatedAt: '2031-01-10T02:00:00.000Z',
  version: 1,
  ...overrides,
});

const income = (month: string, a34: number): IncomeRecord => ({
  householdId: 'h1',
  month,
  components: incomePerHead(a34),
  figures: {
    members: 3,
    a33NetFen: a34 * 3,
    a34PerCapitaFen: a34,
    a37AfterExpensesFen: a34 * 3,
    a38PerCapitaAfterExpensesFen: a34,
  },
  source: 'monthly',
  recordedAt: `${month}-15T02:00:00.000Z`,
  recordedBy: 'village.taihe',
});

const measure: Measure = {
  measureId: 'm1',
  householdId: 'h1',
  code: 'health',
  label: '健康帮扶',
  field: 'A45',
  group: 'guarantees',
  risk: 'illness',
  ownerDepartment: 'medical_insurance',
  status: 'in_progress',
  greenChannel: false,
  createdAt: '2031-02-01T02:00:00.000Z',
  createdBy: 'village.taihe',
  updatedAt: '2031-02-01T02:00:00.000Z',
  version: 1,
};

describe('periods', () => {
  it('takes the month and quarter just ended in Asia/Shanghai', () => {
    expect(monthBefore(new Date('2031-03-31T16:30:00.000Z'))).toBe('2031-03');
    expect(monthBefore(new Date('2031-01-07T18:00:00.000Z'))).toBe('2030-12');
    expect(quarterBefore(new Date('2031-03-31T16:30:00.000Z'))).toBe('2031-Q1');
    expect(quarterBefore(new Date('2031-02-01T00:00:00.000Z'))).toBe('2030-Q4');
    expect(Q2).toEqual({
      firstMonth: '2031-04',
      lastMonth: '2031-06',
      start: new Date('2031-03-31T16:00:00.000Z'),
      end: new Date('2031-06-30T16:00:00.000Z'),
    });
    expect(runIdOf(new Date('2031-04-08T02:00:00.000Z'), 'ab12cd34')).toBe('20310408T020000000Z-ab12cd34');
  });
});

describe('the quarterly assessment list', () => {
  it('lists monitored households at the quarter end and those eliminated during it, not others', () => {
    expect(statusAtQuarterEnd(state(), Q2)).toBe('monitored');
    expect(statusAtQuarterEnd(state({ monitoredSince: '2031-07-02T00:00:00.000Z' }), Q2)).toBeUndefined();
    expect(
      statusAtQuarterEnd(state({ status: 'eliminated', eliminatedAt: '2031-05-20T02:00:00.000Z' }), Q2),
    ).toBe('eliminated');
    expect(
      statusAtQuarterEnd(state({ status: 'eliminated', eliminatedAt: '2031-07-03T02:00:00.000Z' }), Q2),
    ).toBe('monitored');
    expect(
      statusAtQuarterEnd(state({ status: 'eliminated', eliminatedAt: '2031-03-20T02:00:00.000Z' }), Q2),
    ).toBeUndefined();
    expect(
      statusAtQuarterEnd(state({ status: 'removed', removedAt: '2031-05-01T00:00:00.000Z' }), Q2),
    ).toBeUndefined();
  });

  it('compares the income at the quarter start with the latest of the quarter', () => {
    expect(
      incomeTrend([income('2031-06', 700_000), income('2031-03', 650_000), income('2031-05', 1)], Q2),
    ).toEqual({
      trend: 'up',
      fromMonth: '2031-03',
      fromA34Fen: 650_000,
      toMonth: '2031-06',
      toA34Fen: 700_000,
      changeFen: 50_000,
    });
    expect(incomeTrend([income('2031-05', 600_000), income('2031-06', 550_000)], Q2)).toMatchObject({
      trend: 'down',
      changeFen: -50_000,
    });
    expect(incomeTrend([income('2031-05', 600_000)], Q2)).toEqual({
      trend: 'single',
      toMonth: '2031-05',
      toA34Fen: 600_000,
    });
    expect(incomeTrend([income('2031-07', 600_000)], Q2)).toEqual({ trend: 'none' });
  });

  it('gives an assessed household its effect and an unassessed one 未评估 with its flags', () => {
    const assessed = assessHousehold('2031-Q2', Q2, {
      state: state(),
      headName: '王五',
      measures: [measure],
      assessments: [
        {
          householdId: 'h1',
          planId: 'p1',
          quarter: '2031-Q2',
          effect: 'good',
          note: '收入稳定',
          at: '2031-06-20T02:00:00.000Z',
          by: 'u1',
        },
      ],
      incomes: [income('2031-03', 650_000), income('2031-06', 700_000)],
    });
    expect(assessed).toEqual({
      entryKey: 'h1',
      householdId: 'h1',
      townCode: '420702100000',
      villageCode: '420702100201',
      headName: '王*',
      statusAtQuarterEnd: 'monitored',
      category: 'marginal',
      risks: ['illness', 'schooling'],
      measures: [{ code: 'health', field: 'A45', label: '健康帮扶', risk: 'illness', status: 'in_progress' }],
      effect: 'good',
      assessmentNote: '收入稳定',
      assessedAt: '2031-06-20T02:00:00.000Z',
      income: {
        trend: 'up',
        fromMonth: '2031-03',
        fromA34Fen: 650_000,
        toMonth: '2031-06',
        toA34Fen: 700_000,
        changeFen: 50_000,
      },
      flags: ['风险“因学”尚无对应帮扶措施'],
    });
    const missing = assessHousehold('2031-Q2', Q2, {
      state: state({ risks: ['illness'] }),
      headName: '王五',
      measures: [measure],
      assessments: [
        {
          householdId: 'h1',
          planId: 'p1',
          quarter: '2031-Q1',
          effect: 'good',
          at: '2031-03-20T02:00:00.000Z',
          by: 'u1',
        },
      ],
      incomes: [income('2031-02', 650_000), income('2031-03', 640_000)],
    });
    expect(missing?.effect).toBe('not_assessed');
    expect(missing?.flags).toEqual([
      '未评估：2031-Q2 尚未填报帮扶成效评估',
      '本季度无收入记录（最近一次为 2031-03）',
    ]);
  });
});

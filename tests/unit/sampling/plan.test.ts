import { describe, expect, it } from 'vitest';
import { periodOf, previousPeriod, SamplingPlanRequest } from '../../../shared/domain/sampling/plan.ts';

describe('sampling plan periods', () => {
  it('takes a month as its first to last day', () => {
    expect(periodOf({ month: '2026-02' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf({ month: '2028-02' })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf({ from: '2026-10-01', to: '2026-10-15' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-15',
    });
  });

  it('has the month before as the previous period of a month, else the same length just before', () => {
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod('2026-10-16', '2026-10-20')).toEqual({ from: '2026-10-11', to: '2026-10-15' });
  });

  it('needs a month or both dates, in order', () => {
    const issues = (body: unknown) =>
      SamplingPlanRequest.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({})).toEqual([['month', '请填写月份，或起止日期 from 与 to']]);
    expect(issues({ month: '2026-10', from: '2026-10-01' })).toEqual([['month', '月份与起止日期只能填一种']]);
    expect(issues({ from: '2026-10-02', to: '2026-10-01' })).toEqual([['to', '结束日期不能早于开始日期']]);
    expect(issues({ month: '2026-10' })).toBeUndefined();
  });
});

import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { CronNotSupported, eventBridgeCronToCroner } from '../../../infra/local/cron.ts';
import { declaration } from '../../../shared/platform/declaration.ts';

const nextRuns = (expression: string, from: string, count = 3) =>
  new Cron(eventBridgeCronToCroner(expression), { timezone: 'Asia/Shanghai', mode: '5-part', paused: true })
    .nextRuns(count, new Date(from))
    .map((d) => d.toISOString());

describe('EventBridge cron → croner', () => {
  it.each([
    ['cron(30 1 * * ? *)', '30 1 * * *'],
    ['cron(0 8 1 * ? *)', '0 8 1 * *'],
    ['cron(0 8 L * ? *)', '0 8 L * *'],
    ['cron(0 9 ? * 2 *)', '0 9 * * 1'],
    ['cron(0 9 ? * 1,7 *)', '0 9 * * 0,6'],
    ['cron(0 9 ? * 2-6 *)', '0 9 * * 1-5'],
    ['cron(0 9 ? * mon-fri *)', '0 9 * * MON-FRI'],
    ['cron(0 9 ? * 6L *)', '0 9 * * 5#L'],
    ['cron(0 9 ? * 2#1 *)', '0 9 * * 1#1'],
    ['cron(0/15 * * * ? *)', '0-59/15 * * * *'],
    ['cron(0 8/6 1/2 JAN-JUN ? *)', '0 8-23/6 1-31/2 JAN-JUN *'],
  ])('%s → %s', (eventBridge, croner) => {
    expect(eventBridgeCronToCroner(eventBridge)).toBe(croner);
  });

  it.each([
    ['rate(5 minutes)', 'not a cron'],
    ['cron(0 9 * * *)', '6 fields'],
    ['cron(0 9 * * ? 2027)', 'year'],
    ['cron(0 9 ? * ? *)', 'exactly one'],
    ['cron(0 9 1 * MON *)', 'exactly one'],
    ['cron(0 9 ? * 0 *)', '1–7'],
    ['cron(0 9 ? * 8 *)', '1–7'],
    ['cron(0 9 ? * 1/2 *)', 'no step'],
  ])('refuses %s', (expression, reason) => {
    expect(() => eventBridgeCronToCroner(expression)).toThrow(CronNotSupported);
    expect(() => eventBridgeCronToCroner(expression)).toThrow(reason);
  });

  it('fires at 01:30 Beijing time, which is 17:30 UTC the day before', () => {
    expect(nextRuns('cron(30 1 * * ? *)', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-01T17:30:00.000Z',
      '2026-03-02T17:30:00.000Z',
    ]);
  });

  it('reads day-of-week 2 as Monday (EventBridge counts SUN=1)', () => {
    // 2026-03-01 is a Sunday.
    expect(nextRuns('cron(0 9 ? * 2 *)', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T01:00:00.000Z',
    ]);
    expect(nextRuns('cron(0 9 ? * 1 *)', '2026-03-01T02:00:00Z', 1)).toEqual(['2026-03-08T01:00:00.000Z']);
  });

  it('reads 6L as the last Friday of the month', () => {
    expect(nextRuns('cron(0 9 ? * 6L *)', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-27T01:00:00.000Z',
      '2026-04-24T01:00:00.000Z',
    ]);
  });

  it('converts every declared schedule', () => {
    for (const schedule of declaration.schedules) {
      expect(() => eventBridgeCronToCroner(schedule.cron), schedule.name).not.toThrow();
      expect(schedule.timezone).toBe('Asia/Shanghai');
    }
  });
});

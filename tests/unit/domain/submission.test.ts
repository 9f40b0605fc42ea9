import { describe, expect, it } from 'vitest';
import { dueMoment, nextMonth, timelinessOf } from '../../../shared/domain/submission.ts';

describe('submission timeliness', () => {
  it('is due at 24:00 Asia/Shanghai of the 5th', () => {
    expect(dueMoment('2026-04', 5).toISOString()).toBe('2026-04-05T16:00:00.000Z');
    expect(timelinessOf(new Date('2026-04-05T15:59:59Z'), '2026-04', 5)).toBe('on_time');
    expect(timelinessOf(new Date('2026-04-05T16:00:00Z'), '2026-04', 5)).toBe('late');
    expect(timelinessOf(new Date('2026-04-07T02:00:00Z'), '2026-04', 5)).toBe('late');
  });
  it('rolls the period over the year', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-03')).toBe('2026-04');
  });
});

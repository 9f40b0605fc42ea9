import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nowFrom } from '../../../shared/platform/clock.ts';
import {
  previousMonth,
  shanghaiDate,
  shanghaiMidnight,
  shanghaiMonth,
} from '../../../shared/domain/shanghai-time.ts';

describe('the clock', () => {
  // The integration setup allows the override in the test process, which the workers inherit.
  beforeEach(() => {
    delete process.env.FPB_ALLOW_CLOCK_OVERRIDE;
  });
  afterEach(() => {
    delete process.env.FPB_ALLOW_CLOCK_OVERRIDE;
  });

  it('ignores an override unless the runtime allows it', () => {
    const real = nowFrom('2020-01-01T00:00:00Z');
    expect(real.getUTCFullYear()).toBeGreaterThan(2020);
    process.env.FPB_ALLOW_CLOCK_OVERRIDE = 'true';
    expect(nowFrom('2020-01-01T00:00:00Z').toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(nowFrom('not a date').getUTCFullYear()).toBeGreaterThan(2020);
  });
});

describe('Asia/Shanghai calendar', () => {
  it('puts 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDate(new Date('2026-03-05T15:59:59Z'))).toBe('2026-03-05');
    expect(shanghaiDate(new Date('2026-03-05T16:00:00Z'))).toBe('2026-03-06');
    expect(shanghaiMonth(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
    expect(shanghaiMidnight('2026-03-06').toISOString()).toBe('2026-03-05T16:00:00.000Z');
  });
  it('steps back across a year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });
});

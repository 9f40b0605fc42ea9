import { describe, expect, it } from 'vitest';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';

describe('year configuration', () => {
  it('fills every number with the SPEC default', () => {
    const config = yearConfigOf('420702000000', 2026);
    expect(config.fundLineFen).toBe(520_000);
    expect(config.verificationDeadlineDays).toBe(10);
    expect(config.referral.dueDay).toBe(5);
    expect(config.referral.educationMonths).toEqual([3, 9]);
    expect(config.payoutRules.illness).toEqual({ deductibleFen: 500_000, rate: 0.7, capFen: 10_000_000 });
    expect(config.payoutRules.schooling).toEqual({ deductibleFen: 600_000, rate: 1, capFen: 2_000_000 });
  });

  it('keeps what the county stored', () => {
    const config = yearConfigOf('420702000000', 2026, { fundLineFen: 600_000, referral: { dueDay: 10 } });
    expect(config.fundLineFen).toBe(600_000);
    expect(config.referral.dueDay).toBe(10);
    expect(config.referral.maxBatchRows).toBe(5_000);
  });

  it('refuses a stored value that makes no sense', () => {
    expect(() => yearConfigOf('420702000000', 2026, { noticeDays: 3 })).toThrow();
  });
});

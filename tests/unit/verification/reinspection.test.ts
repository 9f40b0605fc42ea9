import { describe, expect, it } from 'vitest';
import {
  incomeDiffersBeyond,
  reinspectionOutcome,
} from '../../../shared/domain/verification/reinspection.ts';

describe('re-inspection outcome (SPEC §3.4, tolerance 10 %)', () => {
  it('confirms the same conclusion within 10 % of the adjuster’s per-capita income', () => {
    expect(
      reinspectionOutcome(
        { eligible: true, perCapitaFen: 400_000 },
        { eligible: true, perCapitaFen: 440_000 },
        0.1,
      ),
    ).toEqual({ outcome: 'confirmed', reasons: [] });
  });

  it('finds a discrepancy just beyond the tolerance', () => {
    const found = reinspectionOutcome(
      { eligible: true, perCapitaFen: 400_000 },
      { eligible: true, perCapitaFen: 440_001 },
      0.1,
    );
    expect(found.outcome).toBe('discrepancy');
    expect(found.reasons).toEqual(['人均收入相差超过 10%（核查 4,000 元，复核 4,400.01 元）']);
  });

  it('finds a discrepancy when the conclusion differs', () => {
    const found = reinspectionOutcome(
      { eligible: true, perCapitaFen: 400_000 },
      { eligible: false, perCapitaFen: 400_000 },
      0.1,
    );
    expect(found).toEqual({
      outcome: 'discrepancy',
      reasons: ['复核结论（不符合）与核查结论（符合）不一致'],
    });
  });

  it('treats any difference from a zero income as beyond the tolerance', () => {
    expect(incomeDiffersBeyond(0, 1, 0.1)).toBe(true);
    expect(incomeDiffersBeyond(0, 0, 0.1)).toBe(false);
    expect(incomeDiffersBeyond(-100_000, -90_000, 0.1)).toBe(false);
  });
});

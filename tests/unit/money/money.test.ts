import { describe, expect, it } from 'vitest';
import { yuanDecimal, yuanText } from '../../../shared/domain/money.ts';

describe('money as text', () => {
  it('reads for people: grouped, whole yuan without decimals, cents when there are any, the sign kept', () => {
    expect(yuanText(1_234_567)).toBe('12,345.67');
    expect(yuanText(520_000)).toBe('5,200');
    expect(yuanText(1_260_000)).toBe('12,600');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(0)).toBe('0');
    expect(yuanText(-50)).toBe('-0.50');
    expect(yuanText(-150_000)).toBe('-1,500');
  });

  it('writes plain decimals for forms and exports', () => {
    expect(yuanDecimal(1_234_567)).toBe('12345.67');
    expect(yuanDecimal(520_000)).toBe('5200.00');
    expect(yuanDecimal(-5)).toBe('-0.05');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskName, maskPhone, maskResidentId } from '../../../shared/domain/mask.ts';

describe('masking', () => {
  it('masks a resident ID to its first and last four', () => {
    expect(maskResidentId('420702199001011234')).toBe('4207**********1234');
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks a disability certificate number the same way', () => {
    expect(maskResidentId('11010519491231002X74')).toBe('1101************2X74');
  });

  it('masks a name to its first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
  });

  it('masks a phone to its first three and last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0711-3456789')).toBe('071*****6789');
  });

  it('property: a masked resident ID keeps its length and hides the birth date and sequence', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskResidentId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('*'.repeat(10));
        expect(masked.slice(0, 4)).toBe(id.slice(0, 4));
        expect(masked.slice(-4)).toBe(id.slice(-4));
      }),
    );
  });
});

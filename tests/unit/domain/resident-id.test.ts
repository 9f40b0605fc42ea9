import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  birthDateOf,
  checkDigit,
  disabilityCertificateProblem,
  residentIdProblem,
  sexOf,
} from '../../../shared/domain/resident-id.ts';
import { disabilityCertificate, randomResidentId, residentIdWithX } from '../../support/resident-ids.ts';

const TODAY = new Date('2026-06-01T00:00:00Z');

/** 17 digits that make a valid ID: a region, a real date up to TODAY, any sequence. */
const first17 = fc
  .record({
    region: fc.integer({ min: 110000, max: 829999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: TODAY, noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) => {
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
    return `${region}${date}${String(sequence).padStart(3, '0')}`;
  });

describe('resident ID (GB 11643)', () => {
  it('accepts a known valid ID', () => {
    // Example from GB 11643-1999 annex: 11010519491231002X
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeUndefined();
    expect(checkDigit('11010519491231002')).toBe('X');
  });

  it('accepts an ID with an X check digit, upper or lower case', () => {
    const id = residentIdWithX();
    expect(residentIdProblem(id)).toBeUndefined();
    expect(residentIdProblem(id.toLowerCase())).toBeUndefined();
  });

  it('rejects a bad length', () => {
    expect(residentIdProblem('42070219900101123', TODAY)).toBe('length');
    expect(residentIdProblem('4207021990010112345', TODAY)).toBe('length');
    expect(residentIdProblem('', TODAY)).toBe('length');
  });

  it('rejects letters other than a final X', () => {
    expect(residentIdProblem('42070219900101A234', TODAY)).toBe('characters');
    expect(residentIdProblem('42070219900101123Y', TODAY)).toBe('characters');
  });

  it('rejects an impossible region', () => {
    const id = '020702199001011234';
    expect(residentIdProblem(id, TODAY)).toBe('region');
  });

  it('rejects 30 February, 31 April, a 13th month and a date in the future', () => {
    const withDate = (date: string) => {
      const body = `420702${date}123`;
      return `${body}${checkDigit(body)}`;
    };
    expect(residentIdProblem(withDate('19900230'), TODAY)).toBe('birth_date');
    expect(residentIdProblem(withDate('19900431'), TODAY)).toBe('birth_date');
    expect(residentIdProblem(withDate('19901301'), TODAY)).toBe('birth_date');
    expect(residentIdProblem(withDate('20260602'), TODAY)).toBe('birth_date');
    expect(residentIdProblem(withDate('18991231'), TODAY)).toBe('birth_date');
    expect(residentIdProblem(withDate('20000229'), TODAY)).toBeUndefined();
    expect(residentIdProblem(withDate('19000229'), TODAY)).toBe('birth_date');
  });

  it('rejects a wrong check digit', () => {
    expect(residentIdProblem('110105194912310021', TODAY)).toBe('check_digit');
  });

  it('reads the birth date and the sex', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(sexOf('11010519491231002X')).toBe('female');
    expect(sexOf(randomResidentId({ sex: 'male' }))).toBe('male');
  });

  it('property: any valid 17 digits plus the computed check digit validates', () => {
    fc.assert(
      fc.property(first17, (body) => {
        expect(residentIdProblem(`${body}${checkDigit(body)}`, TODAY)).toBeUndefined();
      }),
    );
  });

  it('property: changing any one of the first 17 digits breaks the check digit', () => {
    fc.assert(
      fc.property(
        first17,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const id = `${body}${checkDigit(body)}`;
          const digit = (Number(id.charAt(position)) + delta) % 10;
          const changed = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
          expect(residentIdProblem(changed, TODAY)).not.toBeUndefined();
        },
      ),
    );
  });

  it('property: swapping the check digit for another character is rejected', () => {
    fc.assert(
      fc.property(first17, fc.constantFrom(...'0123456789X'), (body, last) => {
        fc.pre(last !== checkDigit(body));
        expect(residentIdProblem(`${body}${last}`, TODAY)).toBe('check_digit');
      }),
    );
  });
});

describe('disability certificate number', () => {
  it('accepts the holder ID plus category 1–7 and grade 1–4', () => {
    expect(disabilityCertificateProblem(disabilityCertificate())).toBeUndefined();
    expect(disabilityCertificateProblem('11010519491231002X74', TODAY)).toBeUndefined();
  });

  it('rejects a wrong length, a bad category or grade, and a bad embedded ID', () => {
    expect(disabilityCertificateProblem('11010519491231002X', TODAY)).toBe('length');
    expect(disabilityCertificateProblem('11010519491231002X81', TODAY)).toBe('characters');
    expect(disabilityCertificateProblem('11010519491231002X15', TODAY)).toBe('characters');
    expect(disabilityCertificateProblem('11010519491231002111', TODAY)).toBe('check_digit');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, pageOf } from '../../../shared/adapters/cursor.ts';
import { ValidationFailed } from '../../../shared/http/errors.ts';

const key = { pk: 'HH#1', sk: 'HH', gsi1pk: 'VILLAGE#420702100201', gsi1sk: 'HH#general#2026#1' };
const expectation = {
  attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  equal: { gsi1pk: 'VILLAGE#420702100201', sk: 'HH' },
  startsWith: { gsi1sk: 'HH#general#' },
};

const rejects = (cursor: string) => {
  expect(() => decodeCursor(cursor, expectation)).toThrow(ValidationFailed);
};

describe('page cursor', () => {
  it('round-trips a key of the queried partition', () => {
    expect(decodeCursor(encodeCursor(key), expectation)).toEqual(key);
    expect(decodeCursor(undefined, expectation)).toBeUndefined();
  });

  it('rejects garbage, other shapes, another partition and another type', () => {
    rejects('not base64!');
    rejects(Buffer.from('{"pk":').toString('base64url'));
    rejects(Buffer.from('["pk"]').toString('base64url'));
    rejects(encodeCursor({ pk: 'HH#1', sk: 'HH' }) ?? '');
    rejects(encodeCursor({ ...key, extra: 'x' }) ?? '');
    rejects(encodeCursor({ ...key, gsi1pk: 'VILLAGE#420703100201' }) ?? '');
    rejects(encodeCursor({ ...key, gsi1sk: 'HH#lifted#2026#1' }) ?? '');
    rejects(encodeCursor({ ...key, sk: 1 }) ?? '');
  });

  it('property: any cursor that is not one we made is refused with a 400, never thrown through', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (cursor) => {
        try {
          const decoded = decodeCursor(cursor, expectation);
          expect(decoded?.gsi1pk).toBe(expectation.equal.gsi1pk);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationFailed);
        }
      }),
    );
  });

  it('pages: a cursor only when more items exist, pointing at the last item shown', () => {
    const items = [1, 2, 3].map((n) => ({ ...key, pk: `HH#${n}` }));
    expect(pageOf(items, 3, expectation.attributes).nextCursor).toBeUndefined();
    const page = pageOf(items, 2, expectation.attributes);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor, expectation)).toEqual({ ...key, pk: 'HH#2' });
  });
});

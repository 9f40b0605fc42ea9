/** A fixed clock and a predictable id source for domain tests; ids never repeat within a test file. */
import type { ChangeContext } from '../../shared/domain/household.ts';

let counter = 0;

export const fixedContext = (now = '2026-03-01T02:00:00.000Z', actor = 'village.taihe'): ChangeContext => ({
  now,
  actor,
  newId: () => {
    counter += 1;
    return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  },
});

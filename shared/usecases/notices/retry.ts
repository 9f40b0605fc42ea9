/**
 * A notice step reads the notice and writes it at the version read. When another step wrote it in
 * between (two objections recorded at once, a close racing a resolution), the step is taken again
 * from a fresh read — where it may now answer as a replay or with the guard that holds — a few
 * times before the 409 reaches the caller.
 */
import { Conflict } from '../../http/errors.ts';
import { STALE_NOTICE } from '../../adapters/notice-store.ts';

const ATTEMPTS = 5;

export const onFreshNotice = async <T>(step: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof Conflict && error.code === STALE_NOTICE) || attempt >= ATTEMPTS) throw error;
    }
  }
};

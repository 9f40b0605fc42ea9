import { describe, expect, it } from 'vitest';
import { onFreshNotice } from '../../../shared/usecases/notices/retry.ts';
import { Conflict } from '../../../shared/http/errors.ts';

const stale = () => new Conflict('该公示已被他人更新', 'STALE_VERSION');

describe('onFreshNotice', () => {
  it('takes a step again after it lost a race, and answers what the fresh attempt gives', async () => {
    let attempts = 0;
    const result = await onFreshNotice(async () => {
      attempts += 1;
      if (attempts < 3) throw stale();
      return 'closed';
    });
    expect([result, attempts]).toEqual(['closed', 3]);
  });

  it('gives up after five attempts, and never retries another error', async () => {
    let attempts = 0;
    await expect(
      onFreshNotice(async () => {
        attempts += 1;
        throw stale();
      }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(attempts).toBe(5);
    let guarded = 0;
    await expect(
      onFreshNotice(async () => {
        guarded += 1;
        throw new Conflict('尚有异议未办结', 'OBJECTION_OPEN');
      }),
    ).rejects.toMatchObject({ code: 'OBJECTION_OPEN' });
    expect(guarded).toBe(1);
  });
});

/**
 * Separation of duties (SPEC §3.6): whoever approved a payout may not confirm or fail its payment.
 * The demo county's finance officer is never a county approver, so the rule is checked here with a
 * finance officer whose user id is among the approvals.
 */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../shared/auth/identity.ts';
import type { Payout } from '../../../shared/domain/payout/payout.ts';
import { Forbidden } from '../../../shared/http/errors.ts';
import type { PayoutDeps } from '../../../shared/usecases/payouts/ports.ts';
import { confirmPayment, recordPaymentFailure } from '../../../shared/usecases/payouts/disburse.ts';

const approver: Identity = {
  userId: 'user-approver',
  username: 'dual.role',
  role: 'finance_officer',
  countyCode: '420702000000',
};

const released = {
  payoutId: 'p1',
  caseId: 'c1',
  villageCode: '420702100201',
  status: 'released',
  approvals: [{ userId: 'user-approver', username: 'dual.role', at: '2026-10-09T01:00:00.000Z' }],
} as unknown as Payout;

const writes: unknown[] = [];
const deps = {
  payouts: {
    get: async () => released,
    write: async (change: unknown) => {
      writes.push(change);
    },
  },
} as unknown as PayoutDeps;

describe('the approver of a payout', () => {
  it('cannot confirm its payment nor record its failure (403, nothing written)', async () => {
    const caller = { identity: approver, now: new Date('2026-10-10T01:00:00.000Z') };
    const confirm = confirmPayment(deps, caller, 'p1', { bankReference: 'B-1' });
    await expect(confirm).rejects.toBeInstanceOf(Forbidden);
    await expect(confirm).rejects.toThrow('审批该笔赔付的人员不能确认其拨付（不相容岗位分离）');
    await expect(recordPaymentFailure(deps, caller, 'p1', { reason: '退票' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    expect(writes).toEqual([]);
  });
});

/**
 * Cancelling a payout (撤销): before approval nothing moves; after approval the reservation is
 * released and the household's year sums undone, in the same transaction. A payout released in a
 * batch is the finance officer's to fail, not county staff's to cancel.
 */
import { maskPayout, type Payout } from '../../domain/payout/payout.ts';
import { Conflict } from '../../http/errors.ts';
import { releaseWrite } from './disburse.ts';
import type { Caller, PayoutDeps } from './ports.ts';
import { loadPayout } from './steps.ts';
import { yuanText } from '../../domain/money.ts';

export const PAYOUT_NOT_CANCELLABLE = 'PAYOUT_NOT_CANCELLABLE';

export const cancelPayout = async (
  deps: PayoutDeps,
  caller: Caller,
  payoutId: string,
  input: { reason: string },
): Promise<Payout> => {
  const current = await loadPayout(deps, caller, payoutId);
  if (current.status === 'cancelled') return maskPayout(current);
  if (!['proposed', 'awaiting_second_approval', 'approved'].includes(current.status))
    throw new Conflict(
      current.status === 'released'
        ? '该赔付已纳入拨付批次，请由财政部门登记拨付失败'
        : '该赔付已结束，不能撤销',
      PAYOUT_NOT_CANCELLABLE,
      { status: current.status },
    );
  const at = caller.now.toISOString();
  const next: Payout = {
    ...current,
    status: 'cancelled',
    cancelReason: input.reason,
    endedAt: at,
    updatedAt: at,
    version: current.version + 1,
  };
  const released = current.status === 'approved' ? `，释放 ${yuanText(current.payoutFen)} 元` : '';
  await releaseWrite(deps, caller, current, next, 'cancelled', `撤销赔付${released}：${input.reason}`);
  return maskPayout(next);
};

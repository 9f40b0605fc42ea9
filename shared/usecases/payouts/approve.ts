/**
 * County approval of a payout (审定, SPEC §3.6). Above `secondApprovalAboveFen` two different
 * county staff approve: the first approval is recorded (`awaiting_second_approval`), the amount is
 * reserved at the final one. The final approval is ONE transaction: the payout at the version read,
 * the case to `payout_approved`, the household's year sums at the version the calculation used
 * (409 PAYOUT_BASIS_CHANGED when another payout of the household moved them), and the reservation
 * — a ledger entry plus the fund update conditioned on available ≥ amount (409
 * INSUFFICIENT_BALANCE, also when two approvals race). A payout of 0 (below the deductible, or
 * capped) is settled without money and still counts in the year's sums. The same approver again
 * answers the payout as it is.
 */
import type { FundCase } from '../../domain/fund-case.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';
import { maskPayout, type Payout } from '../../domain/payout/payout.ts';
import { Conflict } from '../../http/errors.ts';
import type { Caller, PayoutDeps } from './ports.ts';
import { checkLowBalance, loadCase, loadPayout, noticeStanding, payoutAudit } from './steps.ts';
import { yuanText } from '../../domain/money.ts';

export const PAYOUT_NOT_AWAITING_APPROVAL = 'PAYOUT_NOT_AWAITING_APPROVAL';

export const approvePayout = async (deps: PayoutDeps, caller: Caller, payoutId: string): Promise<Payout> => {
  const current = await loadPayout(deps, caller, payoutId);
  if (current.approvals.some((a) => a.userId === caller.identity.userId)) return maskPayout(current);
  if (current.status !== 'proposed' && current.status !== 'awaiting_second_approval')
    throw new Conflict('该赔付不在待审批状态', PAYOUT_NOT_AWAITING_APPROVAL, { status: current.status });
  const at = caller.now.toISOString();
  const approvals = [
    ...current.approvals,
    { userId: caller.identity.userId, username: caller.identity.username, at },
  ];
  if (approvals.length < current.requiredApprovals) {
    const next: Payout = {
      ...current,
      status: 'awaiting_second_approval',
      approvals,
      updatedAt: at,
      version: current.version + 1,
    };
    await deps.payouts.write({
      payouts: [{ next, expectedVersion: current.version }],
      audit: payoutAudit(
        deps,
        caller,
        next,
        'payout.first_approval',
        '赔付第一人审批通过，待另一名县级人员审批',
        {},
      ),
    });
    return maskPayout(next);
  }

  const fundCase = await loadCase(deps, caller, current.caseId);
  if (fundCase.status !== 'awaiting_payout' || fundCase.payoutId !== current.payoutId)
    throw new Conflict('案件状态已变化，不能审批该赔付', PAYOUT_NOT_AWAITING_APPROVAL, {
      caseStatus: fundCase.status,
    });
  const { advance } = noticeStanding(
    fundCase,
    await deps.notices.subjectOutcome('fund_case', current.caseId),
  );
  const zero = current.payoutFen === 0;
  const next: Payout = {
    ...current,
    status: zero ? 'settled_zero' : 'approved',
    advance,
    approvals,
    approvedAt: at,
    ...(zero ? { endedAt: at } : {}),
    updatedAt: at,
    version: current.version + 1,
  };
  const nextCase: FundCase = {
    ...fundCase,
    status: zero ? 'closed' : 'payout_approved',
    ...(zero
      ? { closedReason: { code: 'NO_PAYOUT_DUE', message: '按本年度赔付规则本次无需赔付（已计入年度累计）' } }
      : {}),
    updatedAt: at,
    version: fundCase.version + 1,
  };
  await deps.payouts.write({
    payouts: [{ next, expectedVersion: current.version }],
    fundCase: { next: nextCase, expectedVersion: fundCase.version },
    sum: {
      householdId: current.householdId,
      year: current.fundYear,
      category: current.category,
      eligibleDeltaFen: current.caseAmountFen,
      paidDeltaFen: current.payoutFen,
      expectedVersion: current.basis.sumVersion,
    },
    ...(zero
      ? {}
      : {
          ledger: {
            fundId: current.fundId,
            entryId: deps.newId(),
            type: 'reservation' as const,
            amountFen: current.payoutFen,
            at,
            month: shanghaiMonth(caller.now),
            by: caller.identity.userId,
            payoutId: current.payoutId,
            caseId: current.caseId,
            category: current.category,
            townCode: current.townCode,
            note: '赔付审批预留',
          },
        }),
    audit: payoutAudit(
      deps,
      caller,
      next,
      'payout.approved',
      zero ? '赔付审定：本次无需赔付' : `赔付审定，预留 ${yuanText(next.payoutFen)} 元`,
      { payoutFen: next.payoutFen },
    ),
  });
  if (!zero) await checkLowBalance(deps, current.fundId, caller.now);
  return maskPayout(next);
};

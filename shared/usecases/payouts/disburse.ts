/**
 * Disbursement (拨付, SPEC §3.6–3.7). The insurer releases approved payouts in a batch; the finance
 * officer confirms each payment with the bank transfer reference (the reservation becomes a
 * disbursement: ledger entry, reserved −, disbursed +, the report sums, the case `paid`, one
 * transaction) or records its failure (the amount is released back, the household's year sums
 * undone, the case waits for a new proposal). Whoever approved a payout may not confirm or fail
 * its payment (403). A replay with the same reference answers the payout unchanged; another
 * reference is 409. A payout is never paid twice: every step is conditional on the version read.
 */
import { assertInsurerContract } from '../../auth/authorize.ts';
import type { FundCase } from '../../domain/fund-case.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';
import { maskPayout, type DisbursementBatch, type Payout } from '../../domain/payout/payout.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../http/errors.ts';
import type { Caller, PayoutDeps } from './ports.ts';
import { checkLowBalance, loadCase, loadPayout, OBJECTION_UPHELD, payoutAudit } from './steps.ts';
import { yuanText } from '../../domain/money.ts';

export const PAYOUT_NOT_RELEASED = 'PAYOUT_NOT_RELEASED';
export const BANK_REFERENCE_MISMATCH = 'BANK_REFERENCE_MISMATCH';
export const BATCH_EXISTS = 'BATCH_EXISTS';

export const createBatch = async (
  deps: PayoutDeps,
  caller: Caller,
  input: { batchId: string; payoutIds: readonly string[] },
): Promise<{ created: boolean; batch: DisbursementBatch }> => {
  const existing = await deps.payouts.getBatch(input.batchId);
  if (existing) {
    if (existing.countyCode !== caller.identity.countyCode) throw new NotFound();
    if ([...existing.payoutIds].sort().join() !== [...input.payoutIds].sort().join())
      throw new Conflict('该批次编号已用于另一组赔付', BATCH_EXISTS);
    return { created: false, batch: existing };
  }
  const payouts = await Promise.all(input.payoutIds.map((id) => deps.payouts.get(id)));
  const issues = payouts.flatMap((p, i) =>
    !p || p.countyCode !== caller.identity.countyCode
      ? [{ path: `body.payoutIds.${i}`, message: '赔付不存在或不在管辖范围内' }]
      : p.status !== 'approved'
        ? [{ path: `body.payoutIds.${i}`, message: '该赔付未审定或已纳入其他批次' }]
        : [],
  );
  const found = payouts.filter((p): p is Payout => p !== undefined);
  const fundIds = new Set(found.map((p) => p.fundId));
  if (issues.length === 0 && fundIds.size > 1)
    issues.push({ path: 'body.payoutIds', message: '一个拨付批次只能包含同一年度基金的赔付' });
  if (issues.length > 0) throw new ValidationFailed(issues);
  const fundId = found[0]?.fundId ?? '';
  const fund = await deps.funds.get(fundId);
  if (fund?.insurerContract) assertInsurerContract(caller.identity, fund.insurerContract);
  const at = caller.now.toISOString();
  const batch: DisbursementBatch = {
    batchId: input.batchId,
    countyCode: caller.identity.countyCode,
    fundId,
    payoutIds: [...input.payoutIds],
    totalFen: found.reduce((s, p) => s + p.payoutFen, 0),
    createdBy: caller.identity.userId,
    createdAt: at,
  };
  const released = found.map((p) => ({
    next: {
      ...p,
      status: 'released' as const,
      batchId: batch.batchId,
      releasedAt: at,
      updatedAt: at,
      version: p.version + 1,
    },
    expectedVersion: p.version,
  }));
  await deps.payouts.write({
    payouts: released,
    batch,
    audit: released.flatMap((r) =>
      payoutAudit(deps, caller, r.next, 'payout.released', `保险公司纳入拨付批次 ${batch.batchId}`, {
        batchId: batch.batchId,
      }),
    ),
  });
  return { created: true, batch };
};

const assertNotApprover = (payout: Payout, caller: Caller) => {
  if (payout.approvals.some((a) => a.userId === caller.identity.userId))
    throw new Forbidden('审批该笔赔付的人员不能确认其拨付（不相容岗位分离）');
};

export const confirmPayment = async (
  deps: PayoutDeps,
  caller: Caller,
  payoutId: string,
  input: { bankReference: string },
): Promise<Payout> => {
  const current = await loadPayout(deps, caller, payoutId);
  assertNotApprover(current, caller);
  if (current.status === 'disbursed') {
    if (current.bankReference === input.bankReference) {
      await recordMeasure(deps, caller, current);
      return maskPayout(current);
    }
    throw new Conflict('该赔付已按另一银行转账流水号确认拨付', BANK_REFERENCE_MISMATCH);
  }
  if (current.status !== 'released')
    throw new Conflict('该赔付尚未由保险公司纳入拨付批次，不能确认拨付', PAYOUT_NOT_RELEASED, {
      status: current.status,
    });
  const outcome = await deps.notices.subjectOutcome('fund_case', current.caseId);
  if (outcome?.subjectStatus === 'withdrawn')
    throw new Conflict('该案件因公示异议成立已撤出名单，请登记拨付失败释放资金', OBJECTION_UPHELD);
  const fundCase = await loadCase(deps, caller, current.caseId);
  const at = caller.now.toISOString();
  const month = shanghaiMonth(caller.now);
  const next: Payout = {
    ...current,
    status: 'disbursed',
    bankReference: input.bankReference,
    disbursedAt: at,
    disbursedBy: caller.identity.userId,
    endedAt: at,
    updatedAt: at,
    version: current.version + 1,
  };
  const nextCase: FundCase = {
    ...fundCase,
    status: 'paid',
    ...(current.advance ? { advancePaid: true } : {}),
    updatedAt: at,
    version: fundCase.version + 1,
  };
  await deps.payouts.write({
    payouts: [{ next, expectedVersion: current.version }],
    fundCase: { next: nextCase, expectedVersion: fundCase.version },
    ledger: {
      fundId: current.fundId,
      entryId: deps.newId(),
      type: 'disbursement',
      amountFen: current.payoutFen,
      at,
      month,
      by: caller.identity.userId,
      payoutId: current.payoutId,
      caseId: current.caseId,
      category: current.category,
      townCode: current.townCode,
      bankReference: input.bankReference,
      note: '赔付拨付',
    },
    report: {
      fundId: current.fundId,
      keys: [
        ['category', current.category],
        ['month', month],
        ['town', current.townCode],
        ['type', current.snapshot.type],
      ],
      amountFen: current.payoutFen,
      householdId: current.householdId,
    },
    audit: payoutAudit(deps, caller, next, 'payout.disbursed', `确认拨付 ${yuanText(next.payoutFen)} 元`, {
      bankReference: input.bankReference,
    }),
  });
  await checkLowBalance(deps, current.fundId, caller.now);
  await recordMeasure(deps, caller, next);
  return maskPayout(next);
};

const recordMeasure = async (deps: PayoutDeps, caller: Caller, paid: Payout): Promise<void> => {
  if (!deps.recordMeasure || paid.payoutFen <= 0) return;
  await deps.recordMeasure(caller, {
    householdId: paid.householdId,
    caseId: paid.caseId,
    category: paid.category,
    amountFen: paid.payoutFen,
    paidAt: paid.disbursedAt ?? caller.now.toISOString(),
  });
};

/** Gives the amount back: the release entry, the household's sums undone, the case to a new proposal. */
export const releaseWrite = async (
  deps: PayoutDeps,
  caller: Caller,
  current: Payout,
  next: Payout,
  reason: 'cancelled' | 'payment_failed',
  summary: string,
) => {
  const fundCase = await loadCase(deps, caller, current.caseId);
  const at = caller.now.toISOString();
  const reserved = current.status === 'approved' || current.status === 'released';
  const nextCase: FundCase = {
    ...fundCase,
    status: 'awaiting_payout',
    updatedAt: at,
    version: fundCase.version + 1,
  };
  await deps.payouts.write({
    payouts: [{ next, expectedVersion: current.version }],
    fundCase: { next: nextCase, expectedVersion: fundCase.version },
    ...(reserved
      ? {
          ledger: {
            fundId: current.fundId,
            entryId: deps.newId(),
            type: 'release' as const,
            amountFen: current.payoutFen,
            at,
            month: shanghaiMonth(caller.now),
            by: caller.identity.userId,
            payoutId: current.payoutId,
            caseId: current.caseId,
            category: current.category,
            townCode: current.townCode,
            reason,
            note: reason === 'cancelled' ? '撤销赔付释放预留' : '拨付失败释放预留',
          },
          sum: {
            householdId: current.householdId,
            year: current.fundYear,
            category: current.category,
            eligibleDeltaFen: -current.caseAmountFen,
            paidDeltaFen: -current.payoutFen,
          },
        }
      : {}),
    audit: payoutAudit(deps, caller, next, `payout.${reason}`, summary, {}),
  });
  if (reserved) await checkLowBalance(deps, current.fundId, caller.now);
};

export const recordPaymentFailure = async (
  deps: PayoutDeps,
  caller: Caller,
  payoutId: string,
  input: { reason: string },
): Promise<Payout> => {
  const current = await loadPayout(deps, caller, payoutId);
  assertNotApprover(current, caller);
  if (current.status === 'failed') return maskPayout(current);
  if (current.status !== 'released')
    throw new Conflict('只有已纳入拨付批次、尚未确认的赔付可登记拨付失败', PAYOUT_NOT_RELEASED, {
      status: current.status,
    });
  const at = caller.now.toISOString();
  const next: Payout = {
    ...current,
    status: 'failed',
    failureReason: input.reason,
    endedAt: at,
    updatedAt: at,
    version: current.version + 1,
  };
  await releaseWrite(
    deps,
    caller,
    current,
    next,
    'payment_failed',
    `拨付失败，释放 ${yuanText(current.payoutFen)} 元：${input.reason}`,
  );
  return maskPayout(next);
};

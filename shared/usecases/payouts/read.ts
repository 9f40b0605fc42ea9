/**
 * Reading payouts in scope, masked. An advance (green channel) whose case was later withdrawn from
 * its notice by an upheld objection is flagged for recovery (待追回) when the objection is resolved
 * (`flagCaseRecovery`, called by the notices) — and, should that have failed, the first time it is
 * read after; the flag is stored on the payout.
 */
import { maskPayout, type Payout, type PayoutStatus } from '../../domain/payout/payout.ts';
import { Conflict } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import type { Caller, PayoutDeps } from './ports.ts';
import { loadPayout, payoutAudit } from './steps.ts';

const flagRecovery = async (deps: PayoutDeps, caller: Caller, payout: Payout): Promise<Payout> => {
  if (!payout.advance || payout.recovery || payout.status === 'cancelled' || payout.status === 'failed')
    return payout;
  const outcome = await deps.notices.subjectOutcome('fund_case', payout.caseId);
  if (outcome?.subjectStatus !== 'withdrawn') return payout;
  const at = caller.now.toISOString();
  const next: Payout = {
    ...payout,
    recovery: {
      reason: outcome.withdrawnReason ?? '公示异议成立，案件撤出名单',
      flaggedAt: at,
      noticeId: outcome.noticeId,
    },
    updatedAt: at,
    version: payout.version + 1,
  };
  try {
    await deps.payouts.write({
      payouts: [{ next, expectedVersion: payout.version }],
      audit: payoutAudit(
        deps,
        caller,
        next,
        'payout.recovery_flagged',
        '先行赔付后公示异议成立，标记待追回',
        {
          noticeId: outcome.noticeId,
        },
      ),
    });
    return next;
  } catch (error) {
    if (error instanceof Conflict) return (await deps.payouts.get(payout.payoutId)) ?? payout;
    throw error;
  }
};

/** The notices withdrew a fund case: its advance, if it has one, is flagged for recovery now. */
export const flagCaseRecovery = async (deps: PayoutDeps, caller: Caller, caseId: string): Promise<void> => {
  const found = await deps.cases.get(caseId);
  const payoutId = found?.fundCase.payoutId;
  if (!payoutId) return;
  await flagRecovery(deps, caller, await loadPayout(deps, caller, payoutId));
};

export const getPayout = async (deps: PayoutDeps, caller: Caller, payoutId: string): Promise<Payout> =>
  maskPayout(await flagRecovery(deps, caller, await loadPayout(deps, caller, payoutId)));

export const listPayouts = async (
  deps: PayoutDeps,
  caller: Caller,
  query: { status?: PayoutStatus },
  page: PageRequest,
): Promise<Page<Payout>> => {
  const result = await deps.payouts.list({ countyCode: caller.identity.countyCode, ...query }, page);
  return { ...result, items: result.items.map(maskPayout) };
};

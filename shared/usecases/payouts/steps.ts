/**
 * What every payout step shares: loading in scope, the notice guard, audit records, the
 * low-balance check after a ledger movement.
 */
import { yuanText } from '../../domain/money.ts';
import { assertRegionScope } from '../../auth/authorize.ts';
import { openAlert } from '../../domain/alert.ts';
import { balanceLow } from '../../domain/fund/ledger.ts';
import type { FundCase } from '../../domain/fund-case.ts';
import { noticePassed, type SubjectOutcome } from '../../domain/notice/notice.ts';
import type { Payout } from '../../domain/payout/payout.ts';
import { Conflict, NotFound } from '../../http/errors.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Caller, PayoutDeps } from './ports.ts';

export const OBJECTION_UPHELD = 'OBJECTION_UPHELD';
export const NOTICE_NOT_PASSED = 'NOTICE_NOT_PASSED';

export const loadPayout = async (deps: PayoutDeps, caller: Caller, payoutId: string): Promise<Payout> => {
  const payout = await deps.payouts.get(payoutId);
  if (!payout) throw new NotFound();
  assertRegionScope(caller.identity, payout.villageCode);
  return payout;
};

export const loadCase = async (deps: PayoutDeps, caller: Caller, caseId: string): Promise<FundCase> => {
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFound();
  assertRegionScope(caller.identity, found.fundCase.villageCode);
  return found.fundCase;
};

/**
 * Where the case stands on its notice: `passed` (closed, still listed), `advance` (green channel,
 * notice not over, not withdrawn); otherwise 409 — withdrawn by an upheld objection, or not passed.
 */
export const noticeStanding = (
  fundCase: FundCase,
  outcome: SubjectOutcome | undefined,
): { readonly advance: boolean } => {
  if (outcome?.subjectStatus === 'withdrawn')
    throw new Conflict(
      `该案件因公示异议成立已撤出名单，不能赔付${outcome.withdrawnReason ? `（${outcome.withdrawnReason}）` : ''}`,
      OBJECTION_UPHELD,
      { noticeId: outcome.noticeId },
    );
  if (noticePassed(outcome)) return { advance: false };
  if (fundCase.greenChannel) return { advance: true };
  throw new Conflict(
    '该案件的公示尚未结束（或尚未公示），不能赔付；确需先行赔付的请走绿色通道',
    NOTICE_NOT_PASSED,
    {
      ...(outcome ? { noticeId: outcome.noticeId, endsAt: outcome.endsAt } : {}),
    },
  );
};

export const payoutAudit = (
  deps: PayoutDeps,
  caller: Caller,
  payout: Payout,
  action: string,
  summary: string,
  details: Record<string, unknown>,
) =>
  fundAuditItems({
    auditId: deps.newId(),
    at: caller.now.toISOString(),
    identity: caller.identity,
    action,
    entityType: 'payout',
    entityId: payout.payoutId,
    countyCode: payout.countyCode,
    villageCode: payout.villageCode,
    householdId: payout.householdId,
    summary,
    details: { caseId: payout.caseId, ...details },
    requestId: caller.requestId,
  });

/** Raises or clears the fund's low-balance alert after a ledger movement (idempotent both ways). */
export const checkLowBalance = async (deps: PayoutDeps, fundId: string, now: Date): Promise<void> => {
  const fund = await deps.funds.get(fundId);
  if (!fund) return;
  const config = await deps.config.get(fund.countyCode, fund.year);
  const at = now.toISOString();
  if (balanceLow(fund, config.lowBalanceShare)) {
    await deps.alerts.raise(
      openAlert({
        kind: 'fund_balance_low',
        key: fund.fundId,
        scopeCode: fund.countyCode,
        raisedAt: at,
        title: '防贫保障基金余额不足',
        detail: `${fund.name}可用余额 ${yuanText(fund.availableFen)} 元，低于本年度注资 ${yuanText(fund.depositsFen)} 元的 ${Math.round(config.lowBalanceShare * 100)}%`,
        links: [{ type: 'fund', id: fund.fundId }],
      }),
    );
  } else {
    await deps.alerts.clear(fund.countyCode, 'fund_balance_low', fund.fundId, at);
  }
};

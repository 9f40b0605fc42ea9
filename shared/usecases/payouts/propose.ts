/**
 * The payout proposal of a fund case (SPEC §3.6): 1. the case is in scope and waits for payout
 * (verified and deliberated, or its last payout failed / was cancelled); 2. its notice passed with
 * the case still listed, or it is on the green channel (then the payout is an advance); 3. the
 * fund of the county and year exists; 4. the rule of the year applied to the household's
 * cumulative amount in the category minus what was already paid; 5. the household frozen with it.
 * Written with the case's move to `awaiting_payout` in one transaction. The same `payoutId` again
 * answers the payout already made.
 */
import type { FundCase } from '../../domain/fund-case.ts';
import { fundIdOf } from '../../domain/fund/ledger.ts';
import { activeMembers } from '../../domain/household.ts';
import { calculatePayout, effectiveRule } from '../../domain/payout/calculate.ts';
import {
  ENDED_STATUSES,
  maskPayout,
  type HouseholdSnapshot,
  type Payout,
} from '../../domain/payout/payout.ts';
import { Conflict, NotFound } from '../../http/errors.ts';
import type { Caller, PayoutDeps } from './ports.ts';
import { loadCase, noticeStanding, payoutAudit } from './steps.ts';
import { yuanText } from '../../domain/money.ts';

export const CASE_NOT_AWAITING_PAYOUT = 'CASE_NOT_AWAITING_PAYOUT';
export const PAYOUT_EXISTS = 'PAYOUT_EXISTS';
export const PAYOUT_HELD = 'PAYOUT_HELD';

const mayPropose = async (deps: PayoutDeps, fundCase: FundCase): Promise<boolean> => {
  if (fundCase.status === 'awaiting_deliberation') return true;
  if (fundCase.status !== 'awaiting_payout') return false;
  const last = fundCase.payoutId ? await deps.payouts.get(fundCase.payoutId) : undefined;
  return !last || ENDED_STATUSES.includes(last.status);
};

const snapshotOf = async (deps: PayoutDeps, fundCase: FundCase): Promise<HouseholdSnapshot> => {
  const household = await deps.households.get(fundCase.householdId);
  if (!household) throw new NotFound('案件所属农户不存在');
  const results = await deps.verification.resultsOfCase(fundCase.caseId);
  const last = results.reduce<(typeof results)[number] | undefined>(
    (best, r) => (best === undefined || r.round > best.round ? r : best),
    undefined,
  );
  return {
    householdId: household.householdId,
    type: household.type,
    townCode: household.townCode,
    villageCode: household.villageCode,
    headName: household.headName,
    members: activeMembers(household).map((m) => ({
      memberId: m.memberId,
      name: m.name,
      residentId: m.idNumber,
      relation: m.relation,
    })),
    ...(last ? { income: last.income, verificationRound: last.round } : {}),
    householdVersion: household.version,
  };
};

export const proposePayout = async (
  deps: PayoutDeps,
  caller: Caller,
  caseId: string,
  input: { payoutId: string },
): Promise<{ created: boolean; payout: Payout }> => {
  const fundCase = await loadCase(deps, caller, caseId);
  const existing = await deps.payouts.get(input.payoutId);
  if (existing) {
    if (existing.caseId !== caseId) throw new Conflict('该赔付编号已用于其他案件', PAYOUT_EXISTS);
    return { created: false, payout: maskPayout(existing) };
  }
  if (!(await mayPropose(deps, fundCase)))
    throw new Conflict(
      '该案件当前不能生成赔付方案（须核查、评议通过且无进行中的赔付）',
      CASE_NOT_AWAITING_PAYOUT,
      {
        status: fundCase.status,
      },
    );
  if (fundCase.payoutHeld) throw new Conflict('该案件因抽样复核不一致暂停赔付', PAYOUT_HELD);
  const { advance } = noticeStanding(fundCase, await deps.notices.subjectOutcome('fund_case', caseId));

  const year = Number(fundCase.eventDate.slice(0, 4));
  const fundId = fundIdOf(fundCase.countyCode, year);
  if (!(await deps.funds.get(fundId)))
    throw new Conflict(`${year} 年度防贫保障基金尚未建立，请财政部门先建立并注资`, 'FUND_MISSING', {
      fundId,
    });
  const config = await deps.config.get(fundCase.countyCode, year);
  const rule = effectiveRule(config.payoutRules[fundCase.category], fundCase.schoolLevel);
  const sum = await deps.payouts.householdSum(fundCase.householdId, year, fundCase.category);
  const working = calculatePayout({
    rule,
    cumulativeFen: sum.eligibleFen + fundCase.amountFen,
    alreadyPaidFen: sum.paidFen,
  });
  const at = caller.now.toISOString();
  const payout: Payout = {
    payoutId: input.payoutId,
    caseId,
    fundId,
    fundYear: year,
    countyCode: fundCase.countyCode,
    townCode: fundCase.townCode,
    villageCode: fundCase.villageCode,
    householdId: fundCase.householdId,
    category: fundCase.category,
    ...(fundCase.schoolLevel ? { schoolLevel: fundCase.schoolLevel } : {}),
    caseAmountFen: fundCase.amountFen,
    basis: { priorEligibleFen: sum.eligibleFen, alreadyPaidFen: sum.paidFen, sumVersion: sum.version },
    working,
    payoutFen: working.payoutFen,
    advance,
    ...(advance && fundCase.greenChannel ? { greenChannelReason: fundCase.greenChannel.reason } : {}),
    snapshot: await snapshotOf(deps, fundCase),
    status: 'proposed',
    requiredApprovals: working.payoutFen > config.secondApprovalAboveFen ? 2 : 1,
    approvals: [],
    createdBy: caller.identity.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const nextCase: FundCase = {
    ...fundCase,
    status: 'awaiting_payout',
    payoutId: payout.payoutId,
    updatedAt: at,
    version: fundCase.version + 1,
  };
  await deps.payouts.write({
    payouts: [{ next: payout }],
    fundCase: { next: nextCase, expectedVersion: fundCase.version },
    audit: payoutAudit(
      deps,
      caller,
      payout,
      'payout.proposed',
      `生成赔付方案：本次赔付 ${yuanText(payout.payoutFen)} 元${advance ? '（绿色通道先行赔付）' : ''}`,
      { payoutFen: payout.payoutFen, advance },
    ),
  });
  return { created: true, payout: maskPayout(payout) };
};

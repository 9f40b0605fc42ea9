/**
 * The county fund (SPEC §3.7): the finance officer creates the fund of a year and deposits into it;
 * each deposit is a ledger entry written with the fund's totals in one transaction. Reads in the
 * caller's county; a fund of another county is 404.
 */
import type { Identity } from '../../auth/identity.ts';
import { balanceLow, fundIdOf, type Fund, type LedgerEntry } from '../../domain/fund/ledger.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';
import { Conflict, NotFound } from '../../http/errors.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import type { Caller, PayoutDeps } from '../payouts/ports.ts';
import { checkLowBalance } from '../payouts/steps.ts';
import { yuanText } from '../../domain/money.ts';

export const DEPOSIT_EXISTS = 'DEPOSIT_EXISTS';

export const loadFund = async (deps: PayoutDeps, identity: Identity, fundId: string): Promise<Fund> => {
  const fund = await deps.funds.get(fundId);
  if (!fund || fund.countyCode !== identity.countyCode) throw new NotFound();
  return fund;
};

export interface FundView extends Fund {
  readonly lowBalanceShare: number;
  readonly lowBalance: boolean;
}

export const fundView = async (deps: PayoutDeps, fund: Fund): Promise<FundView> => {
  const { lowBalanceShare } = await deps.config.get(fund.countyCode, fund.year);
  return { ...fund, lowBalanceShare, lowBalance: balanceLow(fund, lowBalanceShare) };
};

export const createFund = async (
  deps: PayoutDeps,
  caller: Caller,
  input: { year: number; name: string; insurerContract?: string },
): Promise<FundView> => {
  const at = caller.now.toISOString();
  const fund: Fund = {
    fundId: fundIdOf(caller.identity.countyCode, input.year),
    countyCode: caller.identity.countyCode,
    year: input.year,
    name: input.name,
    ...(input.insurerContract ? { insurerContract: input.insurerContract } : {}),
    depositsFen: 0,
    reservedFen: 0,
    disbursedFen: 0,
    availableFen: 0,
    createdAt: at,
    updatedAt: at,
  };
  await deps.funds.create(fund);
  return fundView(deps, fund);
};

export const deposit = async (
  deps: PayoutDeps,
  caller: Caller,
  fundId: string,
  input: { depositId: string; amountFen: number; note: string },
): Promise<{ created: boolean; entry: LedgerEntry }> => {
  const fund = await loadFund(deps, caller.identity, fundId);
  const previous = (await deps.funds.ledgerAll(fundId)).find((e) => e.entryId === input.depositId);
  if (previous) {
    if (previous.type !== 'deposit' || previous.amountFen !== input.amountFen)
      throw new Conflict('该注资编号已用于另一笔记录', DEPOSIT_EXISTS);
    return { created: false, entry: previous };
  }
  const at = caller.now.toISOString();
  const entry: LedgerEntry = {
    fundId,
    entryId: input.depositId,
    type: 'deposit',
    amountFen: input.amountFen,
    at,
    month: shanghaiMonth(caller.now),
    by: caller.identity.userId,
    note: input.note,
  };
  await deps.funds.move(
    entry,
    fundAuditItems({
      auditId: deps.newId(),
      at,
      identity: caller.identity,
      action: 'fund.deposit',
      entityType: 'fund',
      entityId: fundId,
      countyCode: fund.countyCode,
      summary: `基金注资 ${yuanText(input.amountFen)} 元：${input.note}`,
      details: { entryId: entry.entryId, amountFen: entry.amountFen },
      requestId: caller.requestId,
    }),
  );
  await checkLowBalance(deps, fundId, caller.now);
  return { created: true, entry };
};

export const getFund = async (deps: PayoutDeps, identity: Identity, fundId: string): Promise<FundView> =>
  fundView(deps, await loadFund(deps, identity, fundId));

export const listFunds = async (deps: PayoutDeps, identity: Identity): Promise<FundView[]> =>
  Promise.all((await deps.funds.listOfCounty(identity.countyCode)).map((f) => fundView(deps, f)));

export const fundLedger = async (
  deps: PayoutDeps,
  identity: Identity,
  fundId: string,
  page: PageRequest,
): Promise<Page<LedgerEntry>> => {
  await loadFund(deps, identity, fundId);
  return deps.funds.ledger(fundId, page);
};

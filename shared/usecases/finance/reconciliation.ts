/** The fund's reconciliation in the caller's county (see `shared/domain/fund/reconciliation.ts`). */
import type { Identity } from '../../auth/identity.ts';
import { reconcile, type Reconciliation } from '../../domain/fund/reconciliation.ts';
import type { PayoutDeps } from '../payouts/ports.ts';
import { loadFund } from './funds.ts';

export const fundReconciliation = async (
  deps: PayoutDeps,
  identity: Identity,
  fundId: string,
  now: Date,
): Promise<Reconciliation> => {
  await loadFund(deps, identity, fundId);
  // Read one after the other (no snapshot across items): a movement committed between the reads
  // shows as a passing difference, and the next run matches again.
  const entries = await deps.funds.ledgerAll(fundId);
  const payouts = await deps.payouts.ofFund(fundId);
  const fund = await loadFund(deps, identity, fundId);
  return reconcile(fund, entries, payouts, now.toISOString());
};

/**
 * Payouts, disbursement, the fund ledger and finance reports (SPEC §3.6–3.7). All routes go to ONE
 * function, `payouts-api` (`functions/payouts/api.ts`), to keep the stateless stack under
 * CloudFormation's 500 resources.
 */
import * as finance from '../../contracts/finance.ts';
import * as funds from '../../contracts/funds.ts';
import * as payouts from '../../contracts/payouts.ts';
import { api, MAIN_RW, type Area } from './area.ts';

export const payoutsArea: Area = {
  functions: [
    api(
      payouts.PAYOUTS_API,
      'functions/payouts/api.ts',
      'Payouts API: payouts, disbursement, fund ledger, finance reports',
      {
        memoryMb: 512,
        timeoutSeconds: 29,
        tables: MAIN_RW,
      },
    ),
  ],
  routes: [
    payouts.proposePayout,
    payouts.markGreenChannel,
    payouts.listPayouts,
    payouts.getPayout,
    payouts.approvePayout,
    payouts.cancelPayout,
    payouts.createDisbursementBatch,
    payouts.confirmPayment,
    payouts.recordPaymentFailure,
    funds.createFund,
    funds.listFunds,
    funds.getFund,
    funds.depositIntoFund,
    funds.getFundLedger,
    funds.getFundReconciliation,
    finance.getFinanceReport,
  ],
};

/**
 * One Lambda function serves every route of the payout, fund and finance areas (as the notices
 * area does, to keep the stateless stack under CloudFormation's 500 resources). It dispatches on
 * the API Gateway route key to the thin per-route handlers, so role checks, parsing and the error
 * mapping stay per route.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as finance from '../../shared/contracts/finance.ts';
import * as funds from '../../shared/contracts/funds.ts';
import * as payouts from '../../shared/contracts/payouts.ts';
import { handler as getFinanceReport } from '../finance/get-finance-report.ts';
import { handler as createFund } from '../funds/create-fund.ts';
import { handler as depositIntoFund } from '../funds/deposit-into-fund.ts';
import { handler as getFund } from '../funds/get-fund.ts';
import { handler as getFundLedger } from '../funds/get-fund-ledger.ts';
import { handler as getFundReconciliation } from '../funds/get-fund-reconciliation.ts';
import { handler as listFunds } from '../funds/list-funds.ts';
import { handler as approvePayout } from './approve-payout.ts';
import { handler as cancelPayout } from './cancel-payout.ts';
import { handler as confirmPayment } from './confirm-payment.ts';
import { handler as createDisbursementBatch } from './create-disbursement-batch.ts';
import { handler as getPayout } from './get-payout.ts';
import { handler as listPayouts } from './list-payouts.ts';
import { handler as markGreenChannel } from './mark-green-channel.ts';
import { handler as proposePayout } from './propose-payout.ts';
import { handler as recordPaymentFailure } from './record-payment-failure.ts';

export const PAYOUT_ROUTES: AreaRoutes = [
  [payouts.proposePayout, proposePayout],
  [payouts.markGreenChannel, markGreenChannel],
  [payouts.listPayouts, listPayouts],
  [payouts.getPayout, getPayout],
  [payouts.approvePayout, approvePayout],
  [payouts.cancelPayout, cancelPayout],
  [payouts.createDisbursementBatch, createDisbursementBatch],
  [payouts.confirmPayment, confirmPayment],
  [payouts.recordPaymentFailure, recordPaymentFailure],
  [funds.createFund, createFund],
  [funds.listFunds, listFunds],
  [funds.getFund, getFund],
  [funds.depositIntoFund, depositIntoFund],
  [funds.getFundLedger, getFundLedger],
  [funds.getFundReconciliation, getFundReconciliation],
  [finance.getFinanceReport, getFinanceReport],
];

export const handler = dispatchByRoute(PAYOUT_ROUTES);

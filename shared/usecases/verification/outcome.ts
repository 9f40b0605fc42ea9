/**
 * Where a verified case goes once it is not (or no longer) in question (SPEC §3.3–3.4, issue 4 §6):
 * eligible as the adjuster concluded → village deliberation; not eligible → closed with the
 * adjuster's reason. The computed eligibility is shown beside the conclusion; a disagreement is
 * drawn into the sample (plan option `includeDisagreements`, on by default) so a person checks it.
 */
import type { FundCase } from '../../domain/fund-case.ts';
import type { VerificationResult } from '../../domain/verification/result.ts';

export const afterVerification = (result: Pick<VerificationResult, 'input'>): Partial<FundCase> =>
  result.input.conclusion.eligible
    ? { status: 'awaiting_deliberation', payoutHeld: false }
    : {
        status: 'closed',
        payoutHeld: false,
        closedReason: {
          code: 'VERIFIED_INELIGIBLE',
          message: `入户核查不符合条件：${result.input.conclusion.reason}`,
        },
      };

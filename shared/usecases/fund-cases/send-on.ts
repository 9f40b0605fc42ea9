/**
 * Send a screened-out case on (SPEC §3.1): 1. the case lies in the cadre's or town's area;
 * 2. it is screened out, at the version read; 3. it goes to `awaiting_verification` with who and
 * why, written with its audit records in one transaction.
 */
import type { FundCase } from '../../domain/fund-case.ts';
import { STALE_VERSION } from '../../domain/household.ts';
import { maskName } from '../../domain/mask.ts';
import { Conflict } from '../../http/errors.ts';
import { fundAuditItems } from './audit-record.ts';
import { maskCase } from './case-view.ts';
import type { Caller, FundCaseDeps } from './ports.ts';
import { loadCaseInScope } from './read-fund-cases.ts';

export const NOT_SCREENED_OUT = 'CASE_NOT_SCREENED_OUT';

export const sendOnFundCase = async (
  deps: FundCaseDeps,
  caller: Caller,
  caseId: string,
  request: { reason: string; version: number },
): Promise<FundCase> => {
  const { fundCase: current } = await loadCaseInScope(deps, caller.identity, caseId);
  if (current.status !== 'screened_out')
    throw new Conflict('该案件未被筛除，无需报送（只有已筛除的案件才能说明理由后仍报送）', NOT_SCREENED_OUT, {
      status: current.status,
    });
  if (current.version !== request.version)
    throw new Conflict(`该案件已被他人修改（当前版本 ${current.version}），请刷新后重试`, STALE_VERSION, {
      currentVersion: current.version,
    });
  const at = caller.now.toISOString();
  const next: FundCase = {
    ...current,
    status: 'awaiting_verification',
    sentOnBy: caller.identity.username,
    sentOnReason: request.reason,
    updatedAt: at,
    version: current.version + 1,
  };
  const audit = fundAuditItems({
    auditId: deps.newId(),
    at,
    identity: caller.identity,
    action: 'fund_case.sent_on',
    entityType: 'fundCase',
    entityId: caseId,
    countyCode: current.countyCode,
    villageCode: current.villageCode,
    householdId: current.householdId,
    summary: `已筛除案件仍报送核查：${maskName(current.personName)}，理由：${request.reason}`,
    details: { status: 'awaiting_verification', sentOnReason: request.reason },
    requestId: caller.requestId,
  });
  await deps.cases.update(next, current.version, audit);
  return maskCase(next);
};

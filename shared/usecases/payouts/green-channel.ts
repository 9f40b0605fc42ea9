/**
 * The fund's green channel (绿色通道, SPEC §3.6, §4.3): a disaster or accident case with clear facts
 * may be paid an advance before its notice ends. County staff mark the verified case with the
 * reason; the notice still runs, and an objection upheld later flags the advance for recovery.
 */
import type { FundCase } from '../../domain/fund-case.ts';
import { STALE_VERSION } from '../../domain/household.ts';
import { Conflict } from '../../http/errors.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import { maskCase } from '../fund-cases/case-view.ts';
import type { Caller, PayoutDeps } from './ports.ts';
import { loadCase } from './steps.ts';

export const GREEN_CHANNEL_NOT_ALLOWED = 'GREEN_CHANNEL_NOT_ALLOWED';

export const markGreenChannel = async (
  deps: PayoutDeps,
  caller: Caller,
  caseId: string,
  input: { reason: string; version: number },
): Promise<FundCase> => {
  const current = await loadCase(deps, caller, caseId);
  if (current.greenChannel) return maskCase(current);
  if (current.category === 'schooling')
    throw new Conflict('绿色通道仅适用于因灾或意外事故（因病）案件', GREEN_CHANNEL_NOT_ALLOWED);
  if (current.status !== 'awaiting_deliberation')
    throw new Conflict('只有核查完成、待评议公示的案件可走绿色通道', GREEN_CHANNEL_NOT_ALLOWED, {
      status: current.status,
    });
  if (current.version !== input.version)
    throw new Conflict(`该案件已被他人修改（当前版本 ${current.version}），请刷新后重试`, STALE_VERSION, {
      currentVersion: current.version,
    });
  const at = caller.now.toISOString();
  const next: FundCase = {
    ...current,
    greenChannel: { reason: input.reason, markedBy: caller.identity.userId, markedAt: at },
    updatedAt: at,
    version: current.version + 1,
  };
  await deps.cases.update(
    next,
    current.version,
    fundAuditItems({
      auditId: deps.newId(),
      at,
      identity: caller.identity,
      action: 'fund_case.green_channel',
      entityType: 'fundCase',
      entityId: caseId,
      countyCode: current.countyCode,
      villageCode: current.villageCode,
      householdId: current.householdId,
      summary: `纳入绿色通道（先行赔付，公示照常进行）：${input.reason}`,
      details: { greenChannel: next.greenChannel },
      requestId: caller.requestId,
    }),
  );
  return maskCase(next);
};

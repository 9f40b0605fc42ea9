/**
 * A county staff member asks for a period's list to be built again: only a period that has ended
 * (Asia/Shanghai); the build runs in the background (`cadence-lists`) and replaces the period's list
 * when complete.
 */
import type { Identity } from '../../auth/identity.ts';
import { LIST_KIND_ZH, type ListKind } from '../../domain/cadence/list.ts';
import { monthBefore, quarterBefore, runIdOf } from '../../domain/cadence/period.ts';
import { ValidationFailed } from '../../http/errors.ts';
import type { CadenceDeps } from './ports.ts';

export const requestRun = async (
  deps: Pick<CadenceDeps, 'startRun' | 'newSuffix'>,
  identity: Identity,
  kind: ListKind,
  period: string,
  now: Date,
) => {
  const latest = kind === 'comparison' ? monthBefore(now) : quarterBefore(now);
  if (period > latest)
    throw new ValidationFailed([
      {
        path: kind === 'comparison' ? 'params.month' : 'params.quarter',
        message: `只能生成已结束的${kind === 'comparison' ? '月份' : '季度'}（最近为 ${latest}）`,
      },
    ]);
  const runId = runIdOf(now, deps.newSuffix());
  const startedAt = now.toISOString();
  await deps.startRun({
    kind,
    countyCode: identity.countyCode,
    period,
    runId,
    startedAt,
    requestedBy: identity.userId,
  });
  return {
    kind,
    period,
    runId,
    startedAt,
    message: `已开始生成 ${period} 的${LIST_KIND_ZH[kind]}，完成后替换该期清单`,
  };
};

/**
 * The daily overdue sweep (SPEC §4.3, §4.7): per county, every identification in progress whose open
 * step is past its due date raises `procedure_overdue` (key = procedure id, link
 * `monitoring_procedure`); one that is no longer late has it cleared. Every monitored household
 * whose contact or plan is missing past its due date raises one too (key `<planId>#setup`). Steps
 * clear their procedure's alert when done; running the sweep twice changes nothing. `only` limits a
 * re-run to some procedures / plans (an operator's, or a test's in a shared database).
 */
import { openAlert } from '../../domain/alert.ts';
import { overdueStep } from '../../domain/monitoring/identification.ts';
import type { Procedure } from '../../domain/monitoring/procedure.ts';
import { STEP_ZH } from '../../domain/monitoring/steps.ts';
import { shanghaiDateTime } from '../../domain/shanghai-time.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { configAt } from './context.ts';
import type { MonitoringDeps } from './ports.ts';

export interface SweepResult {
  readonly counties: number;
  readonly raised: number;
  readonly cleared: number;
  readonly overdue: string[];
}

const allPages = async <T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: 200, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
};

export const sweepOverdue = async (
  deps: MonitoringDeps,
  counties: readonly string[],
  now: Date,
  only?: ReadonlySet<string>,
): Promise<SweepResult> => {
  const skip = (id: string) => only !== undefined && !only.has(id);
  const at = now.toISOString();
  let raised = 0;
  let cleared = 0;
  const overdue: string[] = [];
  for (const countyCode of counties) {
    const config = await configAt(deps, countyCode, now);
    const open: Procedure[] = await allPages((page) =>
      deps.monitoring.listProcedures({ regionCode: countyCode, status: 'in_progress' }, page),
    );
    for (const p of open) {
      if (skip(p.procedureId)) continue;
      const late = overdueStep(p, config.monitoring, now);
      if (!late) {
        if (await deps.alerts.clear(countyCode, 'procedure_overdue', p.procedureId, at)) cleared += 1;
        continue;
      }
      overdue.push(p.procedureId);
      const alert = openAlert({
        kind: 'procedure_overdue',
        key: p.procedureId,
        scopeCode: p.villageCode,
        raisedAt: at,
        title: `监测识别程序超时：${STEP_ZH[late.step]}`,
        detail: `“${STEP_ZH[late.step]}”应于 ${shanghaiDateTime(new Date(late.dueAt))} 前完成，整个识别程序应在 ${config.monitoring.procedureDays} 天内办结`,
        links: [
          { type: 'monitoring_procedure', id: p.procedureId },
          { type: 'household', id: p.householdId },
        ],
      });
      if (await deps.alerts.raise(alert)) raised += 1;
    }
    for (const state of await deps.monitoring.setupPending(countyCode)) {
      if (skip(state.planId) || !state.setupDueAt || at <= state.setupDueAt) continue;
      overdue.push(`${state.planId}#setup`);
      const alert = openAlert({
        kind: 'procedure_overdue',
        key: `${state.planId}#setup`,
        scopeCode: state.villageCode,
        raisedAt: at,
        title: '监测帮扶联系人或帮扶计划超时未落实',
        detail: `纳入监测后应在 ${config.monitoring.assistanceSetupDays} 天内明确帮扶联系人并制定帮扶计划（截止 ${shanghaiDateTime(new Date(state.setupDueAt))}）`,
        links: [
          { type: 'monitoring_procedure', id: state.planId },
          { type: 'household', id: state.householdId },
        ],
      });
      if (await deps.alerts.raise(alert)) raised += 1;
    }
  }
  return { counties: counties.length, raised, cleared, overdue };
};

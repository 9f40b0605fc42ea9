/**
 * The daily sweep (schedule `verification-overdue-check`): every open task past its deadline gets
 * an open `verification_overdue` alert (one per case and round; raising it again changes nothing).
 * Submitting the result or reassigning the task clears it. `onlyCases` limits a re-run to some cases
 * (an operator's, or a test's in a shared database); the schedule sends none.
 */
import { openAlert } from '../../domain/alert.ts';
import { overdueAlertKey } from '../../domain/verification/task.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import type { VerificationDeps } from './ports.ts';

export const checkOverdueVerifications = async (
  deps: Pick<VerificationDeps, 'verification' | 'alerts'> & { listCounties: () => Promise<string[]> },
  now: Date,
  onlyCases?: ReadonlySet<string>,
) => {
  let overdue = 0;
  let raised = 0;
  for (const countyCode of await deps.listCounties()) {
    const tasks = await deps.verification.openTasksDueBefore(countyCode, now.toISOString());
    for (const task of tasks) {
      if (onlyCases && !onlyCases.has(task.caseId)) continue;
      overdue += 1;
      const opened = await deps.alerts.raise(
        openAlert({
          kind: 'verification_overdue',
          key: overdueAlertKey(task.caseId, task.round),
          scopeCode: task.villageCode,
          raisedAt: now.toISOString(),
          title: '入户核查超期',
          detail: `核查员 ${task.adjuster} 的核查任务（第 ${task.round} 轮）已于 ${shanghaiDate(new Date(task.deadline))} 到期，尚未提交核查结果`,
          links: [
            { type: 'verification_task', id: `${task.caseId}#${task.round}` },
            { type: 'fund_case', id: task.caseId },
          ],
        }),
      );
      if (opened) raised += 1;
    }
  }
  return { overdue, raised };
};

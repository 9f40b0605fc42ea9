/**
 * The 6th's check (schedule `submission-deadline-check`): in every county, each department due
 * this month that has sent nothing by the due moment is marked missing on the board and gets an
 * open `missing_submission` alert. Running it twice changes nothing.
 */
import type { AlertStore } from '../../adapters/alert-store.ts';
import type { BoardDeps } from './get-board.ts';
import type { Department } from '../../auth/roles.ts';
import { openAlert } from '../../domain/alert.ts';
import {
  missingDepartments,
  missingSubmissionAlertText,
  missingSubmissionKey,
} from '../../domain/submission-board.ts';
import { shanghaiMonth } from '../../domain/shanghai-time.ts';

export interface CheckDeps extends BoardDeps {
  readonly alertStore: AlertStore;
  readonly listCounties: () => Promise<string[]>;
}

export interface CheckResult {
  readonly month: string;
  readonly counties: number;
  readonly missing: { countyCode: string; department: Department }[];
  readonly alertsRaised: number;
}

export const checkMissingSubmissions = async (deps: CheckDeps, now: Date): Promise<CheckResult> => {
  const month = shanghaiMonth(now);
  const counties = await deps.listCounties();
  const missing: CheckResult['missing'] = [];
  let alertsRaised = 0;
  for (const countyCode of counties) {
    // 1. Who was due and sent nothing.
    const config = await deps.configStore.get(countyCode, Number(month.slice(0, 4)));
    const submissions = await deps.boardStore.monthSubmissions(countyCode, month);
    const departments = missingDepartments({ month, now, schedule: config.referral, submissions });
    for (const department of departments) {
      // 2. Mark it on the board and raise the alert (both idempotent).
      await deps.boardStore.markMissing(countyCode, month, department, now.toISOString());
      const raised = await deps.alertStore.raise(
        openAlert({
          kind: 'missing_submission',
          key: missingSubmissionKey(department, month),
          scopeCode: countyCode,
          raisedAt: now.toISOString(),
          ...missingSubmissionAlertText(department, month, config.referral.dueDay),
          links: [{ type: 'submission_board', id: month }],
        }),
      );
      if (raised) alertsRaised++;
      missing.push({ countyCode, department });
    }
  }
  return { month, counties: counties.length, missing, alertsRaised };
};

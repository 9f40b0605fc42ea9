/**
 * The adjuster's result (SPEC §3.3). The server computes the income figures and the eligibility
 * and keeps them beside the adjuster's conclusion, lists differences against the registry as
 * proposed changes, and checks every evidence object. The same body again changes nothing (200,
 * the stored result); a different body while the case is still `verified` (not yet drawn) is a
 * correction: a new version, the old ones kept.
 */
import { computeIncome } from '../../domain/income.ts';
import { assessEligibility } from '../../domain/verification/eligibility.ts';
import { proposedRegistryChanges } from '../../domain/verification/registry-diff.ts';
import {
  resultSha256,
  type VerificationResult,
  type VerificationResultInput,
} from '../../domain/verification/result.ts';
import { overdueAlertKey } from '../../domain/verification/task.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import { Conflict, ValidationFailed } from '../../http/errors.ts';
import type { Caller } from '../fund-cases/ports.ts';
import { assertOwnTask, caseAudit, currentTask, fundYearOf, loadCase, movedCase } from './case-access.ts';
import { evidenceIssues, type EvidenceRef } from './evidence.ts';
import type { VerificationDeps } from './ports.ts';

const evidenceRefs = (input: VerificationResultInput): EvidenceRef[] => [
  ...input.evidence.map((uploadId, i) => ({ path: `body.evidence.${i}`, uploadId })),
  ...input.expenditure.items.flatMap((item, i) =>
    item.uploadIds.map((uploadId, j) => ({ path: `body.expenditure.items.${i}.uploadIds.${j}`, uploadId })),
  ),
];

export const submitResult = async (
  deps: VerificationDeps,
  caller: Caller,
  caseId: string,
  input: VerificationResultInput,
): Promise<{ created: boolean; result: VerificationResult }> => {
  // 1. The adjuster's own current task, on a case in verification (or verified: a correction).
  const fundCase = await loadCase(deps, caller.identity, caseId);
  const task = assertOwnTask(
    caller.identity,
    currentTask(await deps.verification.tasksOfCase(caseId), fundCase),
  );
  if (fundCase.status !== 'in_verification' && fundCase.status !== 'verified')
    throw new Conflict(
      '该案件已进入抽样复核或后续环节，不能再提交或更正核查结果',
      'CASE_NOT_IN_VERIFICATION',
      {
        status: fundCase.status,
      },
    );
  // 2. A replay of the latest version is answered with it.
  const bodySha256 = resultSha256(input);
  const versions = (await deps.verification.resultsOfCase(caseId)).filter((r) => r.round === task.round);
  const latest = versions.reduce<VerificationResult | undefined>(
    (a, r) => (a && a.version > r.version ? a : r),
    undefined,
  );
  if (latest?.bodySha256 === bodySha256) return { created: false, result: latest };
  // 3. The visit happened, and the evidence exists, is stored, this case's, of allowed type and size.
  if (input.visitedOn > shanghaiDate(caller.now))
    throw new ValidationFailed([{ path: 'body.visitedOn', message: '入户核查日期不能晚于今天' }]);
  const config = await deps.config.get(fundCase.countyCode, fundYearOf(fundCase));
  const issues = await evidenceIssues(deps, evidenceRefs(input), {
    kind: 'verification_evidence',
    caseId,
    countyCode: fundCase.countyCode,
    maxBytes: config.verification.maxEvidenceBytes,
  });
  if (issues.length > 0) throw new ValidationFailed(issues, '核查材料校验未通过');
  // 4. What the server computes.
  const income = computeIncome(input.income, input.membersFound.length);
  const computed = assessEligibility(income, input.income, input.stableIncome, {
    fundLineFen: config.fundLineFen,
    burdenIncomeFactor: config.verification.burdenIncomeFactor,
  });
  const household = await deps.households.get(fundCase.householdId);
  const at = caller.now.toISOString();
  const result: VerificationResult = {
    caseId,
    round: task.round,
    version: (latest?.version ?? 0) + 1,
    bodySha256,
    input,
    income,
    computed,
    agrees: computed.eligible === input.conclusion.eligible,
    proposedChanges: proposedRegistryChanges(household?.members ?? [], input.membersFound),
    submittedBy: caller.identity.username,
    submittedAt: at,
  };
  // 5. Result, task and case in one transaction.
  await deps.verification.write({
    result,
    tasks: [
      {
        task: {
          ...task,
          state: 'submitted',
          submittedAt: task.submittedAt ?? at,
          resultVersion: result.version,
          version: task.version + 1,
        },
        expectedVersion: task.version,
      },
    ],
    caseMove: {
      next: movedCase(fundCase, caller.now, { status: 'verified' }),
      expectedVersion: fundCase.version,
    },
    audit: caseAudit(
      deps,
      caller,
      fundCase,
      result.version === 1 ? 'verification.submitted' : 'verification.corrected',
      `${result.version === 1 ? '提交' : '更正'}入户核查结果（第 ${task.round} 轮第 ${result.version} 版）：核查结论${input.conclusion.eligible ? '符合' : '不符合'}，计算结果${computed.eligible ? '符合' : '不符合'}`,
      {
        round: task.round,
        version: result.version,
        agrees: result.agrees,
        a38: income.a38PerCapitaAfterExpensesFen,
      },
    ),
  });
  if (result.version === 1)
    await deps.alerts.clear(
      fundCase.countyCode,
      'verification_overdue',
      overdueAlertKey(caseId, task.round),
      at,
    );
  return { created: true, result };
};

/**
 * The county's re-inspection of a sampled verification (SPEC §3.4). Separation of duties: whoever
 * took part in the verification — an investigator named by username, the adjuster, whoever
 * assigned or submitted it — cannot re-inspect it (403). A discrepancy holds the case's payout and
 * sends it back for re-verification by another adjuster; a confirmation moves it on as the
 * adjuster concluded (deliberation, or closed with the reason). Re-inspecting twice is a 409.
 */
import {
  reinspectionOutcome,
  type Reinspection,
  type ReinspectionInput,
} from '../../domain/verification/reinspection.ts';
import { peopleOnTask } from '../../domain/verification/task.ts';
import type { VerificationResult } from '../../domain/verification/result.ts';
import { Conflict, Forbidden, ValidationFailed } from '../../http/errors.ts';
import type { Caller } from '../fund-cases/ports.ts';
import { caseAudit, currentTask, fundYearOf, loadCase, movedCase } from './case-access.ts';
import { evidenceIssues } from './evidence.ts';
import type { VerificationDeps } from './ports.ts';
import { afterVerification } from './outcome.ts';

/** Everyone recorded on the round's task and its result versions. */
const participants = (task: Parameters<typeof peopleOnTask>[0], results: readonly VerificationResult[]) =>
  new Set([
    ...peopleOnTask(task),
    ...results.flatMap((r) => [
      r.submittedBy,
      ...r.input.investigators.flatMap((i) => (i.username ? [i.username] : [])),
    ]),
  ]);

export const recordReinspection = async (
  deps: VerificationDeps,
  caller: Caller,
  caseId: string,
  input: ReinspectionInput,
): Promise<Reinspection> => {
  // 1. A sampled case of the county, not yet re-inspected.
  const fundCase = await loadCase(deps, caller.identity, caseId);
  const task = currentTask(await deps.verification.tasksOfCase(caseId), fundCase);
  if (fundCase.status !== 'awaiting_reinspection' || !task)
    throw new Conflict(
      task?.reinspection ? '该核查已复核，不能重复复核' : '该案件不在待复核状态',
      task?.reinspection ? 'ALREADY_REINSPECTED' : 'CASE_NOT_AWAITING_REINSPECTION',
      { status: fundCase.status },
    );
  const results = (await deps.verification.resultsOfCase(caseId)).filter((r) => r.round === task.round);
  const latest = results.reduce<VerificationResult | undefined>(
    (a, r) => (a && a.version > r.version ? a : r),
    undefined,
  );
  if (!latest) throw new Conflict('该案件没有核查结果', 'NO_RESULT');
  // 2. Separation of duties.
  if (participants(task, results).has(caller.identity.username))
    throw new Forbidden('您参与了该案件的入户核查（调查、指派或提交），按职责分离要求不能复核本人参与的核查');
  // 3. Evidence of the re-inspection.
  const config = await deps.config.get(fundCase.countyCode, fundYearOf(fundCase));
  const issues = await evidenceIssues(
    deps,
    input.evidence.map((uploadId, i) => ({ path: `body.evidence.${i}`, uploadId })),
    {
      kind: 'reinspection_evidence',
      caseId,
      countyCode: fundCase.countyCode,
      maxBytes: config.verification.maxEvidenceBytes,
    },
  );
  if (issues.length > 0) throw new ValidationFailed(issues, '复核材料校验未通过');
  // 4. The outcome, computed from what was found.
  const adjusterView = {
    eligible: latest.input.conclusion.eligible,
    perCapitaFen: latest.income.a38PerCapitaAfterExpensesFen,
  };
  const { outcome, reasons } = reinspectionOutcome(
    adjusterView,
    { eligible: input.conclusion.eligible, perCapitaFen: input.perCapitaIncomeFen },
    config.reinspectionTolerance,
  );
  const at = caller.now.toISOString();
  const reinspection: Reinspection = {
    caseId,
    round: task.round,
    countyCode: fundCase.countyCode,
    adjuster: task.adjuster,
    insurerContract: task.insurerContract,
    input,
    outcome,
    reasons,
    adjusterEligible: adjusterView.eligible,
    adjusterPerCapitaFen: adjusterView.perCapitaFen,
    recordedBy: caller.identity.username,
    recordedAt: at,
  };
  const next =
    outcome === 'discrepancy'
      ? movedCase(fundCase, caller.now, { status: 'reverification', payoutHeld: true })
      : movedCase(fundCase, caller.now, afterVerification(latest));
  // 5. Re-inspection, task, case and audit together.
  await deps.verification.write({
    reinspection,
    tasks: [
      { task: { ...task, reinspection: outcome, version: task.version + 1 }, expectedVersion: task.version },
    ],
    caseMove: { next, expectedVersion: fundCase.version },
    audit: caseAudit(
      deps,
      caller,
      fundCase,
      `reinspection.${outcome}`,
      outcome === 'confirmed'
        ? '抽样复核：核查结果属实'
        : `抽样复核：核查不符（${reasons.join('；')}），暂停赔付并退回重新核查`,
      { round: task.round, outcome, reasons, adjuster: task.adjuster },
    ),
  });
  return reinspection;
};

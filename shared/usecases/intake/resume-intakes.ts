/**
 * Keeping intakes going: MarkIntakeFailed records a failed run (the state machine then fails;
 * the submission stays open so it is resumed, until MAX_FAILURES runs have failed: then it is
 * refused); the resume schedule restarts the state machine for open submissions whose last
 * heartbeat is older than the threshold — the run carries on from the chunk checkpoints.
 */
import type { IntakeDeps, StoredSubmission } from './ports.ts';

export const MAX_FAILURES = 3;
export const DEFAULT_STALE_SECONDS = 600;
/** An announced file that never arrived is given up after a day. */
export const UPLOAD_WAIT_SECONDS = 24 * 60 * 60;

export const markIntakeFailed = async (
  deps: IntakeDeps,
  submissionId: string,
  errorName: string,
  now: () => Date = () => new Date(),
): Promise<void> => {
  const sub = await deps.submissions.get(submissionId);
  if (!sub || sub.status === 'done' || sub.status === 'refused') return;
  const failures = (sub.failures ?? 0) + 1;
  const at = now().toISOString();
  if (failures >= MAX_FAILURES) {
    await deps.submissions.finish(submissionId, {
      status: 'refused',
      failures,
      refusedReason: `处理失败（已尝试 ${failures} 次），请联系县乡村振兴局`,
      updatedAt: at,
    });
    return;
  }
  await deps.submissions.update(submissionId, { failures, lastError: errorName, updatedAt: at });
};

export type ResumeDecision = 'resume' | 'wait' | 'give_up';

/** What to do with an open submission at `now`. */
export const resumeDecision = (sub: StoredSubmission, now: Date, staleSeconds: number): ResumeDecision => {
  const age = (iso: string | undefined) => (now.getTime() - Date.parse(iso ?? sub.receivedAt)) / 1000;
  if (sub.channel === 'file' && !sub.objectStoredAt)
    return age(sub.receivedAt) > UPLOAD_WAIT_SECONDS ? 'give_up' : 'wait';
  return age(sub.heartbeatAt ?? sub.updatedAt) >= staleSeconds ? 'resume' : 'wait';
};

export const resumeStalledIntakes = async (
  deps: IntakeDeps,
  start: (submissionId: string, attempt: string) => Promise<void>,
  options: { staleSeconds: number; now: Date },
): Promise<{ resumed: string[]; gaveUp: string[] }> => {
  const resumed: string[] = [];
  const gaveUp: string[] = [];
  for (const id of await deps.submissions.openIntakes()) {
    const sub = await deps.submissions.get(id);
    if (!sub) continue;
    if (sub.status === 'done' || sub.status === 'refused') {
      await deps.submissions.finish(id, {});
      continue;
    }
    const decision = resumeDecision(sub, options.now, options.staleSeconds);
    if (decision === 'give_up') {
      await deps.submissions.finish(id, {
        status: 'refused',
        refusedReason: '文件未在有效期内上传',
        updatedAt: options.now.toISOString(),
      });
      gaveUp.push(id);
    } else if (decision === 'resume') {
      await deps.submissions.update(id, { heartbeatAt: options.now.toISOString() });
      await start(id, `resume-${options.now.getTime()}`);
      resumed.push(id);
    }
  }
  return { resumed, gaveUp };
};

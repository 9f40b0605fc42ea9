/**
 * A department's submission arrives, as a JSON batch or an announced file: 1. the department and
 * county come from the token, never from the body; 2. the data month defaults to the month before
 * now (Asia/Shanghai) and the submission is due by the configured day of the next month;
 * 3. a batch is stored (under its content hash) and claimed for the department — the same batch
 * again answers the first submission; 4. the board's missing-submission alert is cleared.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Identity } from '../../auth/identity.ts';
import type { Department } from '../../auth/roles.ts';
import { Forbidden, ValidationFailed } from '../../http/errors.ts';
import { nextMonth, timelinessOf } from '../../domain/submission.ts';
import { previousMonth, shanghaiMonth } from '../../domain/shanghai-time.ts';
import type { IntakeDeps, StoredSubmission } from './ports.ts';
import { yearOf } from './ingest-rows.ts';

export const SUBMISSION_PREFIX = 'submissions/';

export const fileKeyOf = (countyCode: string, department: string, submissionId: string): string =>
  `${SUBMISSION_PREFIX}${countyCode}/${department}/${submissionId}`;

export const batchKeyOf = (countyCode: string, department: string, hash: string): string =>
  `submission-batches/${countyCode}/${department}/${hash}.json`;

/** The submission id of an uploaded file's key; undefined when the key is not a submission file. */
export const submissionIdOfKey = (key: string): string | undefined =>
  /^submissions\/\d{12}\/[a-z_]+\/([0-9a-f-]{36})$/.exec(key)?.[1];

const departmentOf = (identity: Identity): Department => {
  if (identity.role !== 'department' || !identity.department) throw new Forbidden('仅行业部门可推送数据');
  return identity.department;
};

const newSubmission = async (
  deps: IntakeDeps,
  identity: Identity,
  now: Date,
  fields: Pick<StoredSubmission, 'channel' | 'contentHash'> & { period?: string; fileName?: string },
) => {
  const department = departmentOf(identity);
  const period = fields.period ?? previousMonth(shanghaiMonth(now));
  const dueMonth = nextMonth(period);
  const config = await deps.config(identity.countyCode, yearOf(period));
  const at = now.toISOString();
  const submission: StoredSubmission = {
    submissionId: randomUUID(),
    countyCode: identity.countyCode,
    department,
    channel: fields.channel,
    period,
    dueMonth,
    receivedAt: at,
    timeliness: timelinessOf(now, dueMonth, config.referral.dueDay),
    status: 'received',
    contentHash: fields.contentHash,
    ...(fields.fileName ? { fileName: fields.fileName } : {}),
    submittedBy: identity.username,
    createdBy: identity.userId,
    updatedAt: at,
  };
  return { submission, config };
};

/** Canonical content of a batch: the data month and the rows as sent. */
export const batchHash = (period: string, rows: readonly unknown[]): string =>
  createHash('sha256').update(JSON.stringify({ period, rows })).digest('hex');

export const receiveBatch = async (
  deps: IntakeDeps,
  identity: Identity,
  now: Date,
  body: { period?: string; rows: unknown[] },
): Promise<{ submission: StoredSubmission; created: boolean }> => {
  const draft = await newSubmission(deps, identity, now, {
    channel: 'api',
    contentHash: '',
    period: body.period,
  });
  const max = draft.config.referral.maxBatchRows;
  if (body.rows.length > max)
    throw new ValidationFailed([{ path: 'body.rows', message: `每批最多 ${max} 行，请分批推送或上传文件` }]);
  const contentHash = batchHash(draft.submission.period, body.rows);
  const objectKey = batchKeyOf(identity.countyCode, draft.submission.department, contentHash);
  const submission = { ...draft.submission, contentHash, objectKey };
  await deps.content.putBatch(objectKey, body.rows);
  const result = await deps.submissions.createClaimed(submission);
  if (!result.created) {
    const first = await deps.submissions.get(result.firstId);
    if (!first) throw new Error('content hash claimed by a missing submission');
    return { submission: first, created: false };
  }
  await deps.submissionReceived(submission.countyCode, submission.department, submission.dueMonth, now);
  return { submission, created: true };
};

export const receiveFile = async (
  deps: IntakeDeps,
  identity: Identity,
  now: Date,
  body: { fileName: string; size: number; period?: string },
): Promise<StoredSubmission> => {
  const draft = await newSubmission(deps, identity, now, {
    channel: 'file',
    contentHash: '',
    period: body.period,
    fileName: body.fileName,
  });
  const max = draft.config.referral.maxFileBytes;
  if (body.size > max)
    throw new ValidationFailed([
      { path: 'body.size', message: `文件超过大小上限（${Number((max / (1024 * 1024)).toFixed(1))} MB）` },
    ]);
  const submission = {
    ...draft.submission,
    objectKey: fileKeyOf(identity.countyCode, draft.submission.department, draft.submission.submissionId),
  };
  await deps.submissions.create(submission);
  await deps.submissionReceived(submission.countyCode, submission.department, submission.dueMonth, now);
  return submission;
};

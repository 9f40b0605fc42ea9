/**
 * A department's submission (部门推送): one JSON batch or one file of referral rows for a data
 * month (`period`). It is due by the configured day (default the 5th, 24:00 Asia/Shanghai) of
 * the following month (`dueMonth`), which is the month the submission board shows it under.
 */
import { z } from 'zod';
import { DEPARTMENTS } from '../auth/roles.ts';
import { shanghaiMidnight } from './shanghai-time.ts';

export const SUBMISSION_STATUSES = ['received', 'processing', 'done', 'refused'] as const;

export const SubmissionCounts = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  screenedOut: z.number().int(),
});
export type SubmissionCounts = z.infer<typeof SubmissionCounts>;

export const Submission = z
  .object({
    submissionId: z.string(),
    countyCode: z.string(),
    department: z.enum(DEPARTMENTS),
    channel: z.enum(['api', 'file']),
    /** Data month, `YYYY-MM`. */
    period: z.string().regex(/^\d{4}-\d{2}$/),
    /** The month the push is due in (period + 1), `YYYY-MM`. */
    dueMonth: z.string().regex(/^\d{4}-\d{2}$/),
    receivedAt: z.string(),
    timeliness: z.enum(['on_time', 'late']),
    status: z.enum(SUBMISSION_STATUSES),
    /** sha256 of the file bytes or of the canonical batch: the same content twice is one submission. */
    contentHash: z.string(),
    fileName: z.string().optional(),
    objectKey: z.string().optional(),
    refusedReason: z.string().optional(),
    counts: SubmissionCounts.optional(),
    submittedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof Submission>;

export const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** The end of the due day: 24:00 Asia/Shanghai of `dueDay` in `dueMonth`. */
export const dueMoment = (dueMonth: string, dueDay: number): Date => {
  const nextDay = `${dueMonth}-${String(dueDay + 1).padStart(2, '0')}`;
  return shanghaiMidnight(nextDay);
};

export const timelinessOf = (receivedAt: Date, dueMonth: string, dueDay: number): 'on_time' | 'late' =>
  receivedAt.getTime() < dueMoment(dueMonth, dueDay).getTime() ? 'on_time' : 'late';

/**
 * Submissions in the main table: `pk=SUB#<id>`, `sk=SUB`; gsi1 lists a department's
 * submissions (`SUBS#<county>#<department>` / `<receivedAt>`), gsi2 a county's month for the
 * board (`SUBS#<county>#<dueMonth>` / `<department>#<receivedAt>`). The content hash claim
 * `pk=SUBHASH#<county>#<department>#<hash>`, `sk=SUBHASH` makes a re-push find the first one.
 */
export const submissionKey = (submissionId: string) => ({ pk: `SUB#${submissionId}`, sk: 'SUB' });

export const submissionItem = (s: Submission): Record<string, unknown> => ({
  ...submissionKey(s.submissionId),
  entity: 'submission',
  ...s,
  gsi1pk: `SUBS#${s.countyCode}#${s.department}`,
  gsi1sk: s.receivedAt,
  gsi2pk: `SUBS#${s.countyCode}#${s.dueMonth}`,
  gsi2sk: `${s.department}#${s.receivedAt}`,
});

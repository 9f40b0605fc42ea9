/**
 * Reading submissions: a department reads only its own department's submissions in its county,
 * county staff and auditors every submission of their county; anything else is NotFound.
 */
import type { Identity } from '../../auth/identity.ts';
import { NotFound } from '../../http/errors.ts';
import { emptyCounts } from './decide-rows.ts';
import type { PageRequest } from '../registry/ports.ts';
import type { RejectedRow } from '../../intake/row-errors-file.ts';
import type { IntakeDeps, StoredSubmission } from './ports.ts';

export const submissionView = (s: StoredSubmission) => ({
  submissionId: s.submissionId,
  countyCode: s.countyCode,
  department: s.department,
  channel: s.channel,
  period: s.period,
  dueMonth: s.dueMonth,
  receivedAt: s.receivedAt,
  timeliness: s.timeliness,
  status: s.status,
  ...(s.fileName ? { fileName: s.fileName } : {}),
  ...(s.refusedReason ? { refusedReason: s.refusedReason } : {}),
  ...(s.duplicateOf ? { duplicateOf: s.duplicateOf } : {}),
  counts: s.counts ?? emptyCounts(),
  updatedAt: s.updatedAt,
});

export const canRead = (identity: Identity, s: StoredSubmission): boolean =>
  s.countyCode === identity.countyCode &&
  (identity.role !== 'department' || identity.department === s.department);

export const readableSubmission = async (
  deps: IntakeDeps,
  identity: Identity,
  submissionId: string,
): Promise<StoredSubmission> => {
  const found = await deps.submissions.get(submissionId);
  if (!found || !canRead(identity, found)) throw new NotFound('提交记录不存在或不在您的管辖范围内');
  return found;
};

export const listReadable = async (
  deps: IntakeDeps,
  identity: Identity,
  filter: { department?: string },
  page: PageRequest,
) => {
  const department = identity.role === 'department' ? identity.department : filter.department;
  if (identity.role === 'department' && !department) throw new NotFound();
  const result = department
    ? await deps.submissions.listOfDepartment(identity.countyCode, department, page)
    : await deps.submissions.listOfCounty(identity.countyCode, page);
  return {
    items: result.items.map(submissionView),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
};

/** One line per field error, in row order. */
export const flattenErrors = (
  records: readonly { rowNumber: number; errors: readonly { field: string; message: string }[] }[],
) =>
  records.flatMap((r) =>
    r.errors.map((e) => ({ rowNumber: r.rowNumber, field: e.field, message: e.message })),
  );

/** Every rejected row of a submission, for the download, with the row's cells when kept. */
export const allErrors = async (deps: IntakeDeps, submissionId: string) => {
  const lines: RejectedRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.submissions.errors(submissionId, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const record of page.items)
      for (const error of record.errors)
        lines.push({
          rowNumber: record.rowNumber,
          field: error.field,
          message: error.message,
          ...(record.values ? { values: record.values } : {}),
        });
    cursor = page.nextCursor;
  } while (cursor);
  return lines;
};

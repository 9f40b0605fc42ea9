/**
 * Both channels as one stream of checked rows: the stored JSON batch (row numbers from 1, fields
 * named as in the API) and the uploaded file (row numbers as Excel shows them, fields named by
 * their Chinese column headers). Each row is validated with the shared row schema.
 */
import type { Readable } from 'node:stream';
import { ReferralRow } from '../../domain/referral-row.ts';
import { readReferralFile, type CellValue } from '../../intake/read-referral-file.ts';
import { rowFromValues } from '../../intake/row-from-values.ts';
import { COLUMN_HEADERS } from '../../intake/columns.ts';
import { TEMPLATE_EXAMPLE } from '../../intake/template.ts';
import type { CheckedRow } from './decide-rows.ts';

export interface RowSource {
  readonly rows: AsyncIterable<CheckedRow>;
  /** The name of the village field in this channel's error reports. */
  readonly villageField: string;
}

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.length > 0 ? path.map(String).join('.') : 'row';

async function* checkBatch(rows: readonly unknown[]): AsyncGenerator<CheckedRow> {
  for (const [index, value] of rows.entries()) {
    const rowNumber = index + 1;
    const parsed = ReferralRow.safeParse(value);
    if (parsed.success) yield { rowNumber, ok: true, row: parsed.data };
    else
      yield {
        rowNumber,
        ok: false,
        errors: parsed.error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })),
      };
  }
}

export const batchRowSource = (rows: readonly unknown[]): RowSource => ({
  rows: checkBatch(rows),
  villageField: 'villageCode',
});

/** Cells as text or numbers (dates as YYYY-MM-DD), so they can be stored with the row's errors. */
const storable = (values: Readonly<Record<string, CellValue | undefined>>): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(values).flatMap(([field, value]) =>
      value === undefined ? [] : [[field, value instanceof Date ? value.toISOString().slice(0, 10) : value]],
    ),
  );

export const TEMPLATE_EXAMPLE_ROW = '这是模板中的示例行，请删除后再上传';

/** The template's example row, left in the file: never taken in as a referral. */
const isTemplateExample = (row: ReferralRow): boolean =>
  row.sourceRef === TEMPLATE_EXAMPLE.sourceRef && row.residentId === TEMPLATE_EXAMPLE.residentId;

async function* checkFile(
  stream: Readable,
  maxBytes: number,
  sizeBytes?: number,
): AsyncGenerator<CheckedRow> {
  const options = { maxBytes, ...(sizeBytes !== undefined ? { sizeBytes } : {}) };
  for await (const parsed of readReferralFile(stream, options)) {
    const result = rowFromValues(parsed.values);
    if (result.ok && isTemplateExample(result.row))
      yield {
        rowNumber: parsed.rowNumber,
        ok: false,
        errors: [{ field: COLUMN_HEADERS.sourceRef, message: TEMPLATE_EXAMPLE_ROW }],
        values: storable(parsed.values),
      };
    else if (result.ok) yield { rowNumber: parsed.rowNumber, ok: true, row: result.row };
    else
      yield {
        rowNumber: parsed.rowNumber,
        ok: false,
        errors: result.errors,
        values: storable(parsed.values),
      };
  }
}

export const fileRowSource = (stream: Readable, maxBytes: number, sizeBytes?: number): RowSource => ({
  rows: checkFile(stream, maxBytes, sizeBytes),
  villageField: COLUMN_HEADERS.villageCode,
});

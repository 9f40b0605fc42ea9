/**
 * The rejected rows of a submission as a CSV the department opens in Excel (UTF-8 with BOM):
 * 行号, 列, 原因, then the row's original values under the template's headers. Streams: the
 * errors come from an async iterable (a store query, page by page) and leave as a Readable.
 */
import { Readable } from 'node:stream';
import type { CellValue } from './cell-value.ts';
import { COLUMN_HEADERS, REFERRAL_FIELDS, type ReferralField } from './columns.ts';
import { csvLine, UTF8_BOM } from './csv-cell.ts';

export interface RejectedRow {
  readonly rowNumber: number;
  /** The Chinese column header (see `headerOf`), or `行` / `文件`. */
  readonly field: string;
  /** zh-CN reason. */
  readonly message: string;
  /** The row's values as the file or batch gave them, when kept. */
  readonly values?: Partial<Record<ReferralField, CellValue>>;
}

export const ROW_ERRORS_FILE_NAME = '退回行明细.csv';
export const ROW_ERRORS_CONTENT_TYPE = 'text/csv; charset=utf-8';

const HEADER = ['行号', '列', '原因', ...REFERRAL_FIELDS.map((f) => COLUMN_HEADERS[f])];

async function* lines(rows: AsyncIterable<RejectedRow> | Iterable<RejectedRow>): AsyncGenerator<Buffer> {
  yield Buffer.from(UTF8_BOM + csvLine(HEADER), 'utf8');
  for await (const row of rows)
    yield Buffer.from(
      csvLine([row.rowNumber, row.field, row.message, ...REFERRAL_FIELDS.map((f) => row.values?.[f])]),
      'utf8',
    );
}

/** A stream of the CSV's bytes (e.g. the Body of an S3 upload). */
export const rowErrorsCsvStream = (rows: AsyncIterable<RejectedRow> | Iterable<RejectedRow>): Readable =>
  Readable.from(lines(rows));

/** The whole CSV (for an API file response; keep it to a bounded number of rows). */
export const rowErrorsCsv = async (
  rows: AsyncIterable<RejectedRow> | Iterable<RejectedRow>,
): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of lines(rows)) chunks.push(chunk);
  return Buffer.concat(chunks);
};

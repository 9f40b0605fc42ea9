/**
 * Reads a department's referral file (CSV in UTF-8 or GB18030, or XLSX) as a stream of rows
 * keyed by field. Nothing is held whole: bytes are counted against the size limit as they
 * come, CSV is decoded and parsed chunk by chunk, XLSX goes through exceljs' streaming reader.
 * Every refusal about the file as a whole (not CSV/XLSX, empty, wrong columns) is thrown
 * BEFORE the first row is yielded; only "too large" can come later, when the size is not
 * known up front (pass `sizeBytes`, e.g. the S3 object's ContentLength, to refuse at once).
 */
import type { ReferralField } from './columns.ts';
import { cellText, cellValue, type CellValue } from './cell-value.ts';
import { limitBytes, withPrefix, type ByteSource } from './byte-source.ts';
import {
  DETECT_PREFIX_BYTES,
  detectEncoding,
  detectFormat,
  type CsvEncoding,
  type FileFormat,
} from './detect.ts';
import { FileRefused, REFUSAL } from './file-refused.ts';
import { headerColumns, type HeaderColumns } from './header.ts';
import { readCsvRows, type RawRow } from './read-csv.ts';
import { readXlsxRows } from './read-xlsx.ts';

export { FileRefused } from './file-refused.ts';
export type { CellValue } from './cell-value.ts';

export interface ParsedRow {
  /** The row as the user sees it in Excel: the header is 1 (if first), the first data row 2. */
  readonly rowNumber: number;
  readonly values: Partial<Record<ReferralField, CellValue>>;
}

export interface ReadOptions {
  /** Refuse the file when it has more bytes than this (counted while streaming). */
  readonly maxBytes: number;
  /** The size when known (S3 ContentLength): a file over the limit is refused before reading. */
  readonly sizeBytes?: number;
  /** Called once the format is known, before any row. */
  readonly onFormat?: (format: FileFormat, encoding?: CsvEncoding) => void;
  /** Called once the header is read and accepted, before any row: the fields present. */
  readonly onHeader?: (fields: ReferralField[]) => void;
}

const isBlank = (row: RawRow): boolean => [...row.cells.values()].every((v) => cellValue(v) === undefined);

const valuesOf = (row: RawRow, columns: HeaderColumns): ParsedRow['values'] => {
  const values: Partial<Record<ReferralField, CellValue>> = {};
  for (const [index, field] of columns) {
    const value = cellValue(row.cells.get(index));
    if (value !== undefined) values[field] = value;
  }
  return values;
};

const rawRows = async (source: ByteSource, options: ReadOptions): Promise<AsyncGenerator<RawRow>> => {
  const { prefix, complete, bytes, close } = await withPrefix(
    limitBytes(source, options.maxBytes),
    DETECT_PREFIX_BYTES,
  );
  try {
    const format = detectFormat(prefix);
    if (format === 'xlsx') {
      options.onFormat?.('xlsx');
      return readXlsxRows(bytes);
    }
    const encoding = detectEncoding(prefix, complete);
    options.onFormat?.('csv', encoding);
    return readCsvRows(bytes, encoding);
  } catch (error) {
    await close();
    throw error;
  }
};

/** Wraps reader failures that are not a refusal already (a corrupt zip, say) as a refusal. */
async function* refusingUnreadable(rows: AsyncGenerator<RawRow>, format: () => FileFormat | undefined) {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    if (format() === 'xlsx') throw new FileRefused(REFUSAL.unreadableXlsx);
    throw error;
  }
}

/** The data rows of a referral file, in order; see the module comment for refusals. */
export async function* readReferralFile(source: ByteSource, options: ReadOptions): AsyncGenerator<ParsedRow> {
  if (options.sizeBytes !== undefined && options.sizeBytes > options.maxBytes)
    throw new FileRefused(REFUSAL.tooLarge(options.maxBytes));
  let format: FileFormat | undefined;
  const rows = refusingUnreadable(
    await rawRows(source, {
      ...options,
      onFormat: (f, encoding) => {
        format = f;
        options.onFormat?.(f, encoding);
      },
    }),
    () => format,
  );
  let columns: HeaderColumns | undefined;
  let dataRows = 0;
  for await (const row of rows) {
    if (isBlank(row)) continue;
    if (!columns) {
      columns = headerColumns(new Map([...row.cells].map(([index, value]) => [index, cellText(value)])));
      options.onHeader?.([...new Set(columns.values())]);
      continue;
    }
    dataRows += 1;
    yield { rowNumber: row.rowNumber, values: valuesOf(row, columns) };
  }
  if (!columns) throw new FileRefused(REFUSAL.empty);
  if (dataRows === 0) throw new FileRefused(REFUSAL.noDataRow);
}

/**
 * Checks a file without taking it in: reads up to its first data row, so every refusal but
 * "too large" (when the size is unknown) surfaces, and tells its format, encoding and columns.
 */
export const inspectReferralFile = async (
  source: ByteSource,
  options: ReadOptions,
): Promise<{ format: FileFormat; encoding?: CsvEncoding; fields: ReferralField[] }> => {
  let format: FileFormat = 'csv';
  let encoding: CsvEncoding | undefined;
  let fields: ReferralField[] = [];
  const rows = readReferralFile(source, {
    ...options,
    onFormat: (f, e) => {
      format = f;
      encoding = e;
    },
    onHeader: (f) => {
      fields = f;
    },
  });
  await rows.next();
  await rows.return(undefined);
  return { format, encoding, fields };
};

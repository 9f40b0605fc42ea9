/** Streaming CSV rows: decoded with the detected encoding, parsed by csv-parse (quotes, CRLF, embedded newlines). */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { CsvEncoding } from './detect.ts';
import { FileRefused, REFUSAL } from './file-refused.ts';

/** A row of cells with its row number as Excel shows it (the first record is row 1). */
export interface RawRow {
  readonly rowNumber: number;
  /** Column index → cell (blank cells left out). */
  readonly cells: ReadonlyMap<number, unknown>;
}

async function* decode(bytes: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

const cellsOf = (record: readonly string[]): Map<number, unknown> => {
  const cells = new Map<number, unknown>();
  record.forEach((text, index) => {
    if (text.trim() !== '') cells.set(index, text);
  });
  return cells;
};

/** Every record of the CSV, blank ones included (as empty maps), so row numbers match the sheet. */
export async function* readCsvRows(
  bytes: AsyncIterable<Buffer>,
  encoding: CsvEncoding,
): AsyncGenerator<RawRow> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Both, in any mix: a template saved by Excel (CRLF) with rows added by another tool (LF)
    // would otherwise read as one row whose last cell holds all the others.
    record_delimiter: ['\r\n', '\n'],
  });
  const feeding = pipeline(Readable.from(decode(bytes, encoding)), parser);
  feeding.catch(() => undefined);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: cellsOf(record) };
    }
    await feeding;
  } catch (error) {
    if (error instanceof CsvError)
      throw new FileRefused(`${REFUSAL.unreadableCsv}（第 ${rowNumber + 1} 行附近）`);
    throw error;
  } finally {
    parser.destroy();
  }
}

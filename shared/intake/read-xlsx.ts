/** Streaming XLSX rows of the first worksheet (exceljs WorkbookReader; dates come back as Date). */
import { Readable } from 'node:stream';
import type { RawRow } from './read-csv.ts';
import { FileRefused, REFUSAL } from './file-refused.ts';

const cellsOf = (values: unknown): Map<number, unknown> => {
  const cells = new Map<number, unknown>();
  if (Array.isArray(values)) values.forEach((value: unknown, index) => cells.set(index, value));
  return cells;
};

/**
 * The rows of the first worksheet with their sheet row numbers. A zip without a worksheet (a
 * .docx, say) is refused; other failures are what exceljs throws.
 */
export async function* readXlsxRows(bytes: AsyncIterable<Buffer>): AsyncGenerator<RawRow> {
  // Loaded on the first XLSX file: CSV files never need it.
  const { default: ExcelJS } = await import('./exceljs.ts');
  const input = Readable.from(bytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) yield { rowNumber: row.number, cells: cellsOf(row.values) };
      return;
    }
    throw new FileRefused(REFUSAL.noWorksheet);
  } finally {
    input.destroy();
  }
}

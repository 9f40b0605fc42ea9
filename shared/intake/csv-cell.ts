/** Writing CSV cells that Excel opens as written: quoted when needed, formulas defused. */
import type { CellValue } from './cell-value.ts';

/** UTF-8 byte order mark: Excel opens a UTF-8 CSV correctly only with it. */
export const UTF8_BOM = '\uFEFF';

/** Text Excel would run as a formula (=, +, @, or - not starting a number) gets a leading quote. */
const defused = (text: string): string =>
  /^[=+@\t\r]/.test(text) || /^-(?![\d.])/.test(text) ? `'${text}` : text;

export const csvCell = (value: CellValue | undefined): string => {
  if (value === undefined) return '';
  const text = defused(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (cells: readonly (CellValue | undefined)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

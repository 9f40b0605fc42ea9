/**
 * Dates as departments write them — `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`,
 * `20260301`, a Date from exceljs, an Excel serial number — to `YYYY-MM-DD`.
 */

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

export const DATE_PROBLEM = '日期格式应为 YYYY-MM-DD（如 2026-03-01）';

const pad = (n: number): string => String(n).padStart(2, '0');

const isoOf = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2999) return undefined;
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
};

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in for serials after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const fromDate = (date: Date): string | undefined =>
  Number.isNaN(date.getTime())
    ? undefined
    : isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());

const fromSerial = (serial: number): string | undefined =>
  serial >= 61 && serial < 2_958_466
    ? fromDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS))
    : undefined;

const PATTERNS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const fromText = (text: string): string | undefined => {
  const trimmed = text.trim();
  for (const pattern of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if (/^\d{5}(\.\d+)?$/.test(trimmed)) return fromSerial(Number(trimmed));
  return undefined;
};

export const eventDateOf = (value: string | number | Date): DateResult => {
  const date =
    value instanceof Date ? fromDate(value) : typeof value === 'number' ? fromSerial(value) : fromText(value);
  return date ? { ok: true, date } : { ok: false, message: DATE_PROBLEM };
};

/** One cell of a referral file as the row mapping takes it: text, a number or a date. */
export type CellValue = string | number | Date;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Normalizes what a reader gives (CSV text; exceljs values: rich text, formula results,
 * hyperlinks, error cells) to a CellValue; blank cells become undefined.
 */
export const cellValue = (value: unknown): CellValue | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.richText))
    return cellValue(
      value.richText.map((run: unknown) => (isRecord(run) ? String(run.text ?? '') : '')).join(''),
    );
  if ('result' in value) return cellValue(value.result);
  if ('text' in value) return cellValue(value.text);
  if ('error' in value) return cellValue(value.error);
  return undefined;
};

/** The text of a header cell. */
export const cellText = (value: unknown): string => {
  const v = cellValue(value);
  if (v === undefined) return '';
  return v instanceof Date ? v.toISOString() : String(v);
};

/** The header row of a referral file: which column holds which field; refuses wrong columns. */
import { COLUMN_HEADERS, fieldOfHeader, REQUIRED_FIELDS, type ReferralField } from './columns.ts';
import { FileRefused, REFUSAL } from './file-refused.ts';

/** Column index (as the reader counts them) → field. */
export type HeaderColumns = ReadonlyMap<number, ReferralField>;

/**
 * Maps the header cells to fields. Extra columns are ignored; missing required columns and a
 * column given twice refuse the file, naming the headers.
 */
export const headerColumns = (cells: ReadonlyMap<number, string>): HeaderColumns => {
  const columns = new Map<number, ReferralField>();
  const seen = new Set<ReferralField>();
  const duplicates = new Set<string>();
  for (const [index, text] of cells) {
    const field = fieldOfHeader(text);
    if (!field) continue;
    if (seen.has(field)) duplicates.add(COLUMN_HEADERS[field]);
    seen.add(field);
    columns.set(index, field);
  }
  const missing = REQUIRED_FIELDS.filter((field) => !seen.has(field)).map((f) => COLUMN_HEADERS[f]);
  if (missing.length > 0) throw new FileRefused(REFUSAL.missingColumns(missing));
  if (duplicates.size > 0) throw new FileRefused(REFUSAL.duplicateColumns([...duplicates]));
  return columns;
};

/**
 * What a referral file is, from its first bytes: XLSX (a zip) or CSV (text), and the CSV's
 * encoding — UTF-8 (with or without BOM) or GB18030/GBK as Chinese Excel saves "CSV" —
 * detected, never asked of the user.
 */
import { FileRefused, REFUSAL } from './file-refused.ts';

export type FileFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'gb18030';

/** How many leading bytes detection wants (less is fine when the file is shorter). */
export const DETECT_PREFIX_BYTES = 64 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * Bytes no CSV holds: NUL and the C0 controls other than tab, LF, CR (and SUB, which old
 * Windows tools append as end-of-file). PDF, images, executables and legacy .xls
 * (D0 CF 11 E0) all have them within their first kilobytes.
 */
const isBinary = (bytes: Uint8Array): boolean => {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1a) return true;
  }
  return false;
};

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** The format of a file from its first bytes; throws FileRefused for anything else. */
export const detectFormat = (prefix: Uint8Array): FileFormat => {
  if (prefix.length === 0) throw new FileRefused(REFUSAL.empty);
  if (startsWith(prefix, ZIP)) return 'xlsx';
  if (startsWith(prefix, PDF) || isBinary(prefix)) throw new FileRefused(REFUSAL.notCsvOrXlsx);
  return 'csv';
};

/**
 * UTF-8 when the prefix is valid UTF-8 (a multi-byte character cut at the end of the prefix
 * is not held against it unless `complete`, i.e. the prefix is the whole file); GB18030
 * (a superset of GBK) otherwise.
 */
export const detectEncoding = (prefix: Uint8Array, complete: boolean): CsvEncoding => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
};

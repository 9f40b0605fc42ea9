/** Yuan as written in a cell ("1,234.50", "1234.5", 1234.5) → integer fen, exactly (string arithmetic). */

export type AmountResult = { ok: true; fen: number } | { ok: false; message: string };

export const AMOUNT_PROBLEM = {
  notANumber: '金额应为数字（单位：元）',
  negative: '金额不能为负',
  tooManyDecimals: '金额最多两位小数',
  tooLarge: '金额过大',
} as const;

const MAX_FEN = 100_000_000_00;

/**
 * A number as decimal text. Excel doubles like 1234.56 print as written; a formula's result
 * such as 0.1 + 0.2 = 0.30000000000000004 is what Excel shows (0.30) when it lies within
 * floating-point noise of a whole number of fen.
 */
const numberText = (value: number): string | undefined => {
  const fen = value * 100;
  const nearest = Math.round(fen);
  if (Math.abs(fen - nearest) < 1e-6 && Number.isSafeInteger(nearest)) return (nearest / 100).toFixed(2);
  const text = String(value);
  return /e/i.test(text) ? undefined : text;
};

export const yuanToFen = (value: string | number): AmountResult => {
  const raw = typeof value === 'number' ? numberText(value) : value;
  if (raw === undefined) return { ok: false, message: AMOUNT_PROBLEM.tooLarge };
  const text = raw
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, message: AMOUNT_PROBLEM.notANumber };
  const [, sign = '', whole = '', decimals = ''] = match;
  const fraction = decimals.replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, message: AMOUNT_PROBLEM.tooManyDecimals };
  const wholeDigits = whole.replace(/^0+(?=\d)/, '') || '0';
  if (wholeDigits.length > 12) return { ok: false, message: AMOUNT_PROBLEM.tooLarge };
  const fen = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, '0'));
  if (sign === '-' && fen !== 0) return { ok: false, message: AMOUNT_PROBLEM.negative };
  if (fen > MAX_FEN) return { ok: false, message: AMOUNT_PROBLEM.tooLarge };
  return { ok: true, fen };
};

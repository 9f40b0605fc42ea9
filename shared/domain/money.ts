/**
 * Money as people read it and as forms carry it. Amounts are integer fen everywhere; these are the
 * only two ways they become text.
 */

const grouped = (whole: number): string => whole.toLocaleString('en-US');

/** For people (messages, notices, file events): 1234567 → `12,345.67`; 520000 → `5,200`; −50 → `-0.50`. */
export const yuanText = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const whole = grouped(Math.floor(abs / 100));
  return `${sign}${cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`}`;
};

/** For forms and exports that take a plain decimal: 1234567 → `12345.67`; 520000 → `5200.00`. */
export const yuanDecimal = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

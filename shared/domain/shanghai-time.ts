/** Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving). */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of the instant in Asia/Shanghai. */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** `YYYY-MM-DD HH:mm` of the instant in Asia/Shanghai, for people (an alert, a message). */
export const shanghaiDateTime = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** `YYYY-MM` of the instant in Asia/Shanghai. */
export const shanghaiMonth = (instant: Date): string => shanghaiDate(instant).slice(0, 7);

/** The instant of 00:00 Asia/Shanghai on a `YYYY-MM-DD` date. */
export const shanghaiMidnight = (date: string): Date =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);

/** The month before a `YYYY-MM` month. */
export const previousMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};

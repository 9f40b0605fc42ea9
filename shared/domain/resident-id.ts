/** Resident ID (居民身份证号码) validation per GB 11643-1999: length, birth date, check digit. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type ResidentIdProblem = 'length' | 'characters' | 'region' | 'birth_date' | 'check_digit';

export const RESIDENT_ID_PROBLEM_ZH: Readonly<Record<ResidentIdProblem, string>> = {
  length: '身份证号码应为18位',
  characters: '身份证号码前17位应为数字，末位为数字或X',
  region: '身份证号码的地区码无效',
  birth_date: '身份证号码中的出生日期无效',
  check_digit: '身份证号码校验位不正确',
};

export const checkDigit = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
};

const isValidDate = (yyyymmdd: string, today: Date): boolean => {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
};

/** Returns the first problem found, or undefined when the ID is valid. Accepts a lower-case x. */
export const residentIdProblem = (raw: string, today = new Date()): ResidentIdProblem | undefined => {
  const id = raw.toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return 'region';
  if (!isValidDate(id.slice(6, 14), today)) return 'birth_date';
  if (checkDigit(id.slice(0, 17)) !== id.charAt(17)) return 'check_digit';
  return undefined;
};

export const normalizeResidentId = (raw: string): string => raw.trim().toUpperCase();

/** Birth date (YYYY-MM-DD) of a valid resident ID. */
export const birthDateOf = (id: string): string =>
  `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/** Sex from the 17th digit: odd male, even female. */
export const sexOf = (id: string): 'male' | 'female' => (Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female');

/**
 * Disability certificate (残疾人证) number: the holder's 18-character ID followed by the
 * category digit (1–7) and grade digit (1–4).
 */
export const disabilityCertificateProblem = (
  raw: string,
  today = new Date(),
): ResidentIdProblem | undefined => {
  const id = raw.toUpperCase();
  if (id.length !== 20) return 'length';
  if (!/^[1-7][1-4]$/.test(id.slice(18))) return 'characters';
  return residentIdProblem(id.slice(0, 18), today);
};

/**
 * Valid random resident IDs (GB 11643) for tests, so runs against a persistent database do not
 * collide: region code + random birth date + random sequence + computed check digit.
 */
import { randomInt } from 'node:crypto';
import { checkDigit } from '../../shared/domain/resident-id.ts';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export interface ResidentIdOptions {
  /** 6-digit administrative code; defaults to 梁子湖区 420702. */
  readonly region?: string;
  /** YYYYMMDD; random between 1940 and 2015 when absent. */
  readonly birthDate?: string;
  readonly sex?: 'male' | 'female';
}

export const randomBirthDate = (): string => {
  const start = Date.UTC(1940, 0, 1);
  const end = Date.UTC(2015, 11, 31);
  const day = new Date(start + randomInt(0, Math.floor((end - start) / 86_400_000)) * 86_400_000);
  return `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCDate(), 2)}`;
};

/** A valid 18-character resident ID; the sequence's last digit is odd for men, even for women. */
export const randomResidentId = (options: ResidentIdOptions = {}): string => {
  const sexDigit =
    randomInt(0, 5) * 2 + (options.sex === 'female' ? 0 : options.sex === 'male' ? 1 : randomInt(0, 2));
  const first17 = `${options.region ?? '420702'}${options.birthDate ?? randomBirthDate()}${pad(randomInt(0, 100), 2)}${sexDigit}`;
  return `${first17}${checkDigit(first17)}`;
};

/**
 * `n` different random IDs. Drawn independently, 1,200 IDs from the ~27 million the generator
 * can make share one about 3 % of the time — a file "about 1,200 people" would then hold 1,199.
 */
export const uniqueResidentIds = (n: number, options: ResidentIdOptions = {}): string[] => {
  const ids = new Set<string>();
  while (ids.size < n) ids.add(randomResidentId(options));
  return [...ids];
};

/** A valid ID whose check digit is X. */
export const residentIdWithX = (): string => {
  for (;;) {
    const id = randomResidentId();
    if (id.endsWith('X')) return id;
  }
};

/** A disability certificate number: the holder's ID + category (1–7) + grade (1–4). */
export const disabilityCertificate = (residentId = randomResidentId()): string =>
  `${residentId}${randomInt(1, 8)}${randomInt(1, 5)}`;

/** The same ID with a wrong check digit. */
export const withWrongCheckDigit = (id: string): string => {
  const right = id.charAt(17);
  const wrong = right === '0' ? '1' : '0';
  return `${id.slice(0, 17)}${wrong}`;
};

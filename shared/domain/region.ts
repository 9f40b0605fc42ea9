/**
 * 12-digit statistical division codes (统计用区划代码): province 2, city 2, county 2, town 3,
 * village 3. A county is `PPCCDD000000`, a town `PPCCDDTTT000`, a village has all 12 set.
 */
export type RegionLevel = 'county' | 'town' | 'village';

export const REGION_CODE = /^\d{12}$/;

export const countyOf = (code: string): string => `${code.slice(0, 6)}000000`;
export const townOf = (code: string): string => `${code.slice(0, 9)}000`;

export const levelOf = (code: string): RegionLevel =>
  code.slice(6) === '000000' ? 'county' : code.slice(9) === '000' ? 'town' : 'village';

/** The significant prefix of a code at its level: 6, 9 or 12 digits. */
export const prefixOf = (code: string): string => {
  const level = levelOf(code);
  return level === 'county' ? code.slice(0, 6) : level === 'town' ? code.slice(0, 9) : code;
};

/** Whether `code` lies inside (or is) the region `scope`. */
export const isWithin = (code: string, scope: string): boolean => code.startsWith(prefixOf(scope));

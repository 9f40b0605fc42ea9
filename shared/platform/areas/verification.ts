/** Insurer home verification, county sampling re-inspection and adjuster quality (SPEC §3.3–3.4). */
import type { Area } from './area.ts';

export const verificationArea: Area = {
  functions: [],
  routes: [],
};

/** The cadence of SPEC §4.7: the monthly data-comparison list and the quarterly assistance-effect assessment list, kept per period. */
import type { Area } from './area.ts';

export const cadenceArea: Area = {
  functions: [],
  routes: [],
};

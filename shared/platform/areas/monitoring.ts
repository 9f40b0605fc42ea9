/** Dynamic monitoring: leads, identification, assistance, elimination, rollback (SPEC §4.1–4.6). */
import type { Area } from './area.ts';

export const monitoringArea: Area = {
  functions: [],
  routes: [],
};

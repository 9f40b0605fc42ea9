/** The area counters' reader: the dashboard per scope and the alerts read from the counters (SPEC §4.7). */
import type { Area } from './area.ts';

export const dashboardArea: Area = {
  functions: [],
  routes: [],
};

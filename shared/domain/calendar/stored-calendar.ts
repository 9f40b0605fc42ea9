/** A year's calendar as the platform holds it: published with the code, or loaded by county staff. */
import { z } from 'zod';
import { WorkCalendar } from './work-calendar.ts';

export const StoredCalendar = WorkCalendar.safeExtend({
  origin: z.enum(['published', 'loaded']).meta({ description: '随系统发布 / 县级载入' }),
  loadedAt: z.string().optional(),
  loadedBy: z.string().optional(),
}).meta({ id: 'StoredCalendar' });
export type StoredCalendar = z.infer<typeof StoredCalendar>;

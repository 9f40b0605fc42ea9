/** The nightly registry snapshot (state machine `registry-snapshot`). */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { errorResponses } from './common.ts';

export const RegistryStats = z
  .object({
    countyCode: z.string(),
    takenAt: z.string(),
    households: z.number().int(),
    members: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
    byVillage: z.record(z.string(), z.record(z.string(), z.number().int())),
    membersByVillage: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'RegistryStats' });

export const getRegistryStats = route({
  method: 'GET',
  path: '/registry/stats',
  function: 'get-registry-stats',
  roles: ['county_staff', 'town_official', 'auditor'],
  summary: '本县农户台账最近一次夜间快照（按村、按户类型）',
  tag: 'registry',
  responses: { 200: { description: '快照', schema: RegistryStats }, ...errorResponses },
});

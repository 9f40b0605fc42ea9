/** The negative list (负面清单, SPEC §4.2): county staff keep it; the county's cadres read it (masked). */
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { NegativeReason } from '../domain/negative-list.ts';
import { RESIDENT_ID_PROBLEM_ZH, normalizeResidentId, residentIdProblem } from '../domain/resident-id.ts';
import { errorResponses, page, PageQuery } from './common.ts';

export const NEGATIVE_LIST_WRITERS = ['county_staff'] as const satisfies readonly Role[];
export const NEGATIVE_LIST_READERS = [
  'county_staff',
  'town_official',
  'village_cadre',
  'auditor',
] as const satisfies readonly Role[];

const ResidentId = z
  .string()
  .trim()
  .transform(normalizeResidentId)
  .superRefine((value, ctx) => {
    const problem = residentIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_PROBLEM_ZH[problem] });
  });

export const NegativeEntryView = z
  .object({
    residentId: z.string().meta({ description: '脱敏' }),
    personName: z.string().optional().meta({ description: '脱敏' }),
    reason: NegativeReason,
    reasonLabel: z.string(),
    note: z.string().optional(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'NegativeEntryView' });

export const addNegativeEntry = route({
  method: 'POST',
  path: '/negative-list',
  function: 'add-negative-entry',
  roles: NEGATIVE_LIST_WRITERS,
  summary: '列入负面清单（按证件号幂等；记入审计）',
  tag: 'fund',
  request: {
    body: z.object({
      residentId: ResidentId,
      personName: z.string().trim().min(1).max(30).optional(),
      reason: NegativeReason,
      note: z.string().trim().max(200).optional(),
    }),
  },
  responses: {
    201: { description: '已列入（脱敏）', schema: NegativeEntryView },
    200: { description: '已在清单中（脱敏）', schema: NegativeEntryView },
    ...errorResponses,
  },
});

export const listNegativeEntries = route({
  method: 'GET',
  path: '/negative-list',
  function: 'list-negative-entries',
  roles: NEGATIVE_LIST_READERS,
  summary: '本县负面清单，新近列入在前，分页，证件号与姓名脱敏',
  tag: 'fund',
  request: { query: z.object(PageQuery) },
  responses: { 200: { description: '一页清单', schema: page(NegativeEntryView) }, ...errorResponses },
});

/** Removal takes the ID in the body, so a full resident ID never sits in a URL or an access log. */
export const removeNegativeEntry = route({
  method: 'POST',
  path: '/negative-list/removals',
  function: 'remove-negative-entry',
  roles: NEGATIVE_LIST_WRITERS,
  summary: '移出负面清单（须填写原因；审计表保留历史）',
  tag: 'fund',
  request: {
    body: z.object({
      residentId: ResidentId,
      reason: z.string().trim().min(1, '请填写移出原因').max(200),
    }),
  },
  responses: { 204: { description: '已移出' }, ...errorResponses },
});

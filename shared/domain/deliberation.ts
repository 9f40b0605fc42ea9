/**
 * Village deliberation (村级评议, SPEC §3.5, §4.3, §4.5): a meeting of the village with its members
 * present, the minutes uploaded as evidence, and one outcome per subject — a fund case, a monitoring
 * identification or a risk elimination. Passed subjects may then be posted on a public notice.
 * Stored at `pk=DELIB#<deliberationId>`, `sk=DELIB`; gsi1/2/3 `DELIBS#<village|town|county>` /
 * `<meetingDate>#<recordedAt>#<deliberationId>`.
 */
import { z } from 'zod';
import { REGION_CODE } from './region.ts';

/** What a deliberation or notice decides on: a fund case, an identification or an elimination procedure. */
export const SUBJECT_TYPES = ['fund_case', 'identification', 'elimination'] as const;
export const SubjectType = z.enum(SUBJECT_TYPES).meta({ description: '防贫案件 / 监测识别 / 风险消除' });
export type SubjectType = z.infer<typeof SubjectType>;

export const SUBJECT_TYPE_ZH: Readonly<Record<SubjectType, string>> = {
  fund_case: '防贫保障',
  identification: '监测对象识别',
  elimination: '风险消除',
};

export const DELIBERATION_OUTCOMES = ['passed', 'rejected'] as const;
export const DeliberationOutcomeValue = z.enum(DELIBERATION_OUTCOMES).meta({ description: '通过 / 未通过' });
export type DeliberationOutcomeValue = z.infer<typeof DeliberationOutcomeValue>;

export const DeliberationOutcome = z
  .object({
    subjectType: SubjectType,
    subjectId: z.string().min(1).max(100),
    householdId: z.string().min(1),
    outcome: DeliberationOutcomeValue,
    /** The risk as the notice shows it (passed), or the reason (rejected). */
    note: z.string().max(200).optional(),
  })
  .meta({ id: 'DeliberationOutcome' });
export type DeliberationOutcome = z.infer<typeof DeliberationOutcome>;

export const Deliberation = z
  .object({
    deliberationId: z.string().uuid(),
    countyCode: z.string().regex(REGION_CODE),
    townCode: z.string().regex(REGION_CODE),
    villageCode: z.string().regex(REGION_CODE),
    meetingDate: z.iso.date(),
    /** Names of the members present (village committee, representatives); count checked by configuration. */
    membersPresent: z.array(z.string().min(1)).min(1),
    minutesUploadId: z.string().uuid(),
    outcomes: z.array(DeliberationOutcome).min(1),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Deliberation' });
export type Deliberation = z.infer<typeof Deliberation>;

/** The outcome a deliberation gave a subject, if it decided on it. */
export const outcomeOf = (
  deliberation: Deliberation,
  subjectType: SubjectType,
  subjectId: string,
): DeliberationOutcome | undefined =>
  deliberation.outcomes.find((o) => o.subjectType === subjectType && o.subjectId === subjectId);

export const deliberationKey = (deliberationId: string) => ({
  pk: `DELIB#${deliberationId}`,
  sk: 'DELIB',
});

export const deliberationItem = (d: Deliberation): Record<string, unknown> => {
  const sort = `${d.meetingDate}#${d.recordedAt}#${d.deliberationId}`;
  return {
    ...deliberationKey(d.deliberationId),
    entity: 'deliberation',
    ...d,
    gsi1pk: `DELIBS#${d.villageCode}`,
    gsi1sk: sort,
    gsi2pk: `DELIBS#${d.townCode}`,
    gsi2sk: sort,
    gsi3pk: `DELIBS#${d.countyCode}`,
    gsi3sk: sort,
  };
};

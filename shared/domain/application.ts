/**
 * Bottom-up applications (自下而上, SPEC §3.2): the village records a household's application with
 * its signed authorization, the town reviews, the county forwards it to the insurer as a fund
 * case. Pure state transitions; a step out of order is a Conflict naming what must come first.
 */
import { z } from 'zod';
import { Conflict } from '../http/errors.ts';
import { DISASTER_KINDS, FundCategory, SCHOOL_LEVELS } from './fund-case.ts';

export const APPLICATION_STATUSES = ['submitted', 'town_approved', 'rejected', 'forwarded'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const APPLICATION_STATUS_ZH: Readonly<Record<ApplicationStatus, string>> = {
  submitted: '村级已受理，待乡镇审核',
  town_approved: '乡镇审核通过，待县级转交',
  rejected: '未通过',
  forwarded: '已转交保险公司核查',
};

export const Application = z
  .object({
    applicationId: z.string(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    householdId: z.string(),
    memberId: z.string(),
    category: FundCategory,
    eventDate: z.iso.date(),
    amountFen: z.number().int().min(0),
    disasterKind: z.enum(DISASTER_KINDS).optional(),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
    authorizationUploadId: z.string(),
    note: z.string().optional(),
    status: ApplicationStatus,
    createdBy: z.string(),
    createdAt: z.string(),
    reviewedBy: z.string().optional(),
    reviewedAt: z.string().optional(),
    reviewReason: z.string().optional(),
    forwardedBy: z.string().optional(),
    forwardedAt: z.string().optional(),
    forwardReason: z.string().optional(),
    /** The stage that rejected it and the reason the household is told. */
    rejectedAt: z.string().optional(),
    rejectedStage: z.enum(['town', 'county']).optional(),
    rejectionReason: z.string().optional(),
    caseId: z.string().optional(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof Application>;

export const OUT_OF_ORDER = 'STEP_OUT_OF_ORDER';

export interface StepContext {
  readonly by: string;
  readonly at: string;
}

const finished = (app: Application): Conflict =>
  new Conflict(`该申请已办结（${APPLICATION_STATUS_ZH[app.status]}），不能再办理此步骤`, OUT_OF_ORDER, {
    status: app.status,
  });

/** Town review: only a submitted application; a rejection needs a reason the household is told. */
export const reviewApplication = (
  app: Application,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  ctx: StepContext,
): Application => {
  if (app.status !== 'submitted') {
    if (app.status === 'town_approved')
      throw new Conflict('该申请已经乡镇审核通过，待县级转交', OUT_OF_ORDER, { status: app.status });
    throw finished(app);
  }
  const base = {
    ...app,
    reviewedBy: ctx.by,
    reviewedAt: ctx.at,
    updatedAt: ctx.at,
    version: app.version + 1,
  };
  if (decision === 'approve')
    return { ...base, status: 'town_approved', ...(reason ? { reviewReason: reason } : {}) };
  return {
    ...base,
    status: 'rejected',
    rejectedAt: ctx.at,
    rejectedStage: 'town',
    rejectionReason: reason ?? '',
    reviewReason: reason,
  };
};

/** County step: only after the town approved. */
export const forwardApplication = (
  app: Application,
  decision: 'forward' | 'reject',
  reason: string | undefined,
  ctx: StepContext & { caseId: string },
): Application => {
  if (app.status === 'submitted')
    throw new Conflict('须先经乡镇审核通过，县级才能转交', OUT_OF_ORDER, { status: app.status });
  if (app.status !== 'town_approved') throw finished(app);
  const base = { ...app, updatedAt: ctx.at, version: app.version + 1 };
  if (decision === 'forward')
    return {
      ...base,
      status: 'forwarded',
      forwardedBy: ctx.by,
      forwardedAt: ctx.at,
      caseId: ctx.caseId,
      ...(reason ? { forwardReason: reason } : {}),
    };
  return {
    ...base,
    status: 'rejected',
    rejectedAt: ctx.at,
    rejectedStage: 'county',
    rejectionReason: reason ?? '',
    forwardedBy: ctx.by,
  };
};

export const applicationKey = (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APP' });

export const applicationItem = (app: Application): Record<string, unknown> => {
  const sort = `${app.status}#${app.createdAt}#${app.applicationId}`;
  return {
    ...applicationKey(app.applicationId),
    entity: 'application',
    ...app,
    gsi1pk: `APPS#${app.villageCode}`,
    gsi1sk: sort,
    gsi2pk: `APPS#${app.townCode}`,
    gsi2sk: sort,
    gsi3pk: `APPS#${app.countyCode}`,
    gsi3sk: sort,
  };
};

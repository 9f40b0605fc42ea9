/**
 * The town's review and the county's forwarding (SPEC §3.2). Each loads the application in the
 * caller's area, applies the pure transition of `shared/domain/application.ts` (a step out of
 * order is a 409 naming what comes first) and writes it version-checked with its audit records.
 * Forwarding is in `forward-application.ts`.
 */
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope, narrowRegion } from '../../auth/authorize.ts';
import {
  reviewApplication as review,
  type Application,
  type ApplicationStatus,
} from '../../domain/application.ts';
import type { Household } from '../../domain/household-schema.ts';
import { NotFound } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Caller } from '../fund-cases/ports.ts';
import type { ApplicationDeps } from './ports.ts';

/** The household, when it is in the caller's area (404 otherwise); monitoring uses it too. */
export const loadHouseholdInScope = async (
  deps: Pick<ApplicationDeps, 'households'>,
  identity: Identity,
  householdId: string,
): Promise<Household> => {
  const household = await deps.households.get(householdId);
  if (!household) throw new NotFound('农户不存在或不在您的管辖范围内');
  assertRegionScope(identity, household.villageCode);
  return household;
};

export const loadApplicationInScope = async (
  deps: ApplicationDeps,
  identity: Identity,
  applicationId: string,
): Promise<Application> => {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new NotFound();
  assertRegionScope(identity, application.villageCode);
  return application;
};

export const listApplications = (
  deps: ApplicationDeps,
  identity: Identity,
  filter: { status?: ApplicationStatus; villageCode?: string; townCode?: string },
  page: PageRequest,
): Promise<Page<Application>> =>
  deps.applications.list(
    { regionCode: narrowRegion(identity, filter.villageCode ?? filter.townCode), status: filter.status },
    page,
  );

export const auditOf = (
  deps: ApplicationDeps,
  caller: Caller,
  app: Application,
  action: string,
  summary: string,
  reason: string | undefined,
) =>
  fundAuditItems({
    auditId: deps.newId(),
    at: caller.now.toISOString(),
    identity: caller.identity,
    action,
    entityType: 'application',
    entityId: app.applicationId,
    countyCode: app.countyCode,
    villageCode: app.villageCode,
    householdId: app.householdId,
    summary,
    details: {
      status: app.status,
      ...(reason ? { reason } : {}),
      ...(app.caseId ? { caseId: app.caseId } : {}),
    },
    requestId: caller.requestId,
  });

export const reviewApplication = async (
  deps: ApplicationDeps,
  caller: Caller,
  applicationId: string,
  request: { decision: 'approve' | 'reject'; reason?: string },
): Promise<Application> => {
  const current = await loadApplicationInScope(deps, caller.identity, applicationId);
  const next = review(current, request.decision, request.reason, {
    by: caller.identity.username,
    at: caller.now.toISOString(),
  });
  const summary = next.status === 'rejected' ? `乡镇审核不通过：${request.reason ?? ''}` : '乡镇审核通过';
  await deps.applications.save({
    application: next,
    expectedVersion: current.version,
    audit: auditOf(deps, caller, next, `application.${next.status}`, summary, request.reason),
  });
  return next;
};

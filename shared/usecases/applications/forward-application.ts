/**
 * The county forwards an application to the insurer (SPEC §3.2): 1. the application lies in the
 * county and the town approved it; 2. the event's case id is the one a department referral of
 * the same person, category and event date gets (`referralCaseId`), so one event stays one case:
 * - no case yet → a new case (`origin: application`, `awaiting_verification`);
 * - a referral case screened out → it is sent on, as a cadre would, with the county as sender;
 * - a case already waiting or further on → the application points at it;
 * 3. application, case and audit records are written in one transaction. A rejection carries
 * its reason and creates no case.
 */
import { forwardApplication as forward, type Application } from '../../domain/application.ts';
import { referralCaseId, type FundCase } from '../../domain/fund-case.ts';
import type { Member } from '../../domain/household-schema.ts';
import { maskName } from '../../domain/mask.ts';
import { NotFound } from '../../http/errors.ts';
import type { ApplicationWrite } from '../../adapters/application-store.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Caller } from '../fund-cases/ports.ts';
import type { ApplicationDeps } from './ports.ts';
import { auditOf, loadApplicationInScope, loadHouseholdInScope } from './steps.ts';

const newCase = (app: Application, member: Member, caseId: string, at: string): FundCase => ({
  caseId,
  countyCode: app.countyCode,
  townCode: app.townCode,
  villageCode: app.villageCode,
  householdId: app.householdId,
  memberId: app.memberId,
  residentId: member.idNumber,
  personName: member.name,
  category: app.category,
  eventDate: app.eventDate,
  amountFen: app.amountFen,
  ...(app.disasterKind ? { disasterKind: app.disasterKind } : {}),
  ...(app.schoolLevel ? { schoolLevel: app.schoolLevel } : {}),
  origin: 'application',
  applicationId: app.applicationId,
  status: 'awaiting_verification',
  screenReasons: [],
  createdAt: at,
  updatedAt: at,
  version: 1,
});

/** What forwarding does to the event's case, if anything. */
const caseWrite = async (
  deps: ApplicationDeps,
  caller: Caller,
  app: Application,
  member: Member,
  caseId: string,
): Promise<ApplicationWrite['fundCase']> => {
  const at = caller.now.toISOString();
  const existing = await deps.cases.get(caseId);
  if (!existing) return { next: newCase(app, member, caseId, at) };
  const current = existing.fundCase;
  if (current.status !== 'screened_out') return undefined;
  return {
    next: {
      ...current,
      status: 'awaiting_verification',
      applicationId: current.applicationId ?? app.applicationId,
      sentOnBy: caller.identity.username,
      sentOnReason: `农户申请经县级转交（申请编号 ${app.applicationId}）`,
      updatedAt: at,
      version: current.version + 1,
    },
    expectedVersion: current.version,
  };
};

/** The case's own trail (the application's records already go to the household's file). */
const caseAudit = (deps: ApplicationDeps, caller: Caller, fundCase: FundCase, sentOn: boolean) =>
  fundAuditItems({
    auditId: deps.newId(),
    at: caller.now.toISOString(),
    identity: caller.identity,
    action: sentOn ? 'fund_case.sent_on' : 'fund_case.created',
    entityType: 'fundCase',
    entityId: fundCase.caseId,
    countyCode: fundCase.countyCode,
    villageCode: fundCase.villageCode,
    summary: sentOn
      ? `已筛除案件随农户申请转交核查：${maskName(fundCase.personName)}`
      : `农户申请转为防贫案件：${maskName(fundCase.personName)}`,
    details: { status: fundCase.status, applicationId: fundCase.applicationId },
    requestId: caller.requestId,
  });

export const forwardApplication = async (
  deps: ApplicationDeps,
  caller: Caller,
  applicationId: string,
  request: { decision: 'forward' | 'reject'; reason?: string },
): Promise<Application> => {
  const current = await loadApplicationInScope(deps, caller.identity, applicationId);
  const household = await loadHouseholdInScope(deps, caller.identity, current.householdId);
  const member = household.members.find((m) => m.memberId === current.memberId);
  if (!member) throw new NotFound('申请涉及的家庭成员已不在该户');
  const caseId = referralCaseId({
    countyCode: current.countyCode,
    residentId: member.idNumber,
    category: current.category,
    eventDate: current.eventDate,
  });
  const next = forward(current, request.decision, request.reason, {
    by: caller.identity.username,
    at: caller.now.toISOString(),
    caseId,
  });
  const fundCase =
    next.status === 'forwarded' ? await caseWrite(deps, caller, next, member, caseId) : undefined;
  const summary =
    next.status === 'forwarded'
      ? `县级转交保险公司核查：${maskName(member.name)}`
      : `县级审定不通过：${request.reason ?? ''}`;
  await deps.applications.save({
    application: next,
    expectedVersion: current.version,
    audit: [
      ...auditOf(deps, caller, next, `application.${next.status}`, summary, request.reason),
      ...(fundCase ? caseAudit(deps, caller, fundCase.next, fundCase.expectedVersion !== undefined) : []),
    ],
    ...(fundCase ? { fundCase } : {}),
  });
  return next;
};

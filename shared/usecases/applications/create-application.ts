/**
 * A village cadre records a household's application (SPEC §3.2): 1. the household lies in the
 * cadre's village and the person is an active member; 2. the signed authorization is an upload
 * of this household, stored; 3. the application is written `submitted` with its audit records.
 */
import type { Application } from '../../domain/application.ts';
import { maskName } from '../../domain/mask.ts';
import { FUND_CATEGORY_ZH } from '../../domain/fund-case.ts';
import { ValidationFailed } from '../../http/errors.ts';
import type { ApplicationInput } from '../../contracts/applications.ts';
import { fundAuditItems } from '../fund-cases/audit-record.ts';
import type { Caller } from '../fund-cases/ports.ts';
import type { ApplicationDeps } from './ports.ts';
import { loadHouseholdInScope } from './steps.ts';

const authorizationProblem = async (
  deps: ApplicationDeps,
  uploadId: string,
  householdId: string,
  countyCode: string,
): Promise<string | undefined> => {
  const upload = await deps.uploads.get(uploadId);
  if (!upload || upload.countyCode !== countyCode || upload.ownerId !== householdId)
    return '未找到该户的承诺授权书上传记录';
  if (upload.kind !== 'authorization') return '该上传文件不是承诺授权书';
  if (upload.status !== 'stored') return '承诺授权书尚未上传完成';
  return undefined;
};

export const createApplication = async (
  deps: ApplicationDeps,
  caller: Caller,
  input: ApplicationInput,
): Promise<Application> => {
  const household = await loadHouseholdInScope(deps, caller.identity, input.householdId);
  const member = household.members.find((m) => m.memberId === input.memberId && m.status === 'active');
  if (!member) throw new ValidationFailed([{ path: 'body.memberId', message: '该成员不是此户的在册成员' }]);
  const problem = await authorizationProblem(
    deps,
    input.authorizationUploadId,
    household.householdId,
    caller.identity.countyCode,
  );
  if (problem) throw new ValidationFailed([{ path: 'body.authorizationUploadId', message: problem }]);
  const at = caller.now.toISOString();
  const application: Application = {
    ...input,
    applicationId: deps.newId(),
    countyCode: household.countyCode,
    townCode: household.townCode,
    villageCode: household.villageCode,
    status: 'submitted',
    createdBy: caller.identity.username,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const audit = fundAuditItems({
    auditId: deps.newId(),
    at,
    identity: caller.identity,
    action: 'application.submitted',
    entityType: 'application',
    entityId: application.applicationId,
    countyCode: application.countyCode,
    villageCode: application.villageCode,
    householdId: application.householdId,
    summary: `村级受理${FUND_CATEGORY_ZH[application.category]}申请：${maskName(member.name)}`,
    details: { status: application.status, amountFen: application.amountFen },
    requestId: caller.requestId,
  });
  await deps.applications.save({ application, audit });
  return application;
};

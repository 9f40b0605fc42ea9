/**
 * Asset checks (SPEC §4.2–4.3): the step creates one request per department of
 * `ASSET_CHECK_DEPARTMENTS`; a department lists and answers only the requests addressed to it in
 * its county (another's → 404); an answered request is not answered again (409). The deliberation
 * step waits until every request is answered.
 */
import type { Identity } from '../../auth/identity.ts';
import { auditEntry, auditSummary } from '../../domain/audit.ts';
import {
  ASSET_CHECK_DEPARTMENTS,
  ASSET_CHECK_SUBJECT_ZH,
  type AssetCheck,
} from '../../domain/monitoring/asset-check.ts';
import { assertStep, withStep, type Procedure } from '../../domain/monitoring/procedure.ts';
import { Conflict, NotFound } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { fileEvent, loadProcedure } from './context.ts';
import { clearOverdueAlert } from './ending.ts';
import type { Caller, MonitoringDeps } from './ports.ts';

export const requestAssetChecks = async (
  deps: MonitoringDeps,
  caller: Caller,
  procedureId: string,
): Promise<Procedure> => {
  const p = await loadProcedure(deps, caller.identity, procedureId);
  assertStep(p, 'asset_checks', caller.identity.role);
  const at = caller.now.toISOString();
  const checks: AssetCheck[] = ASSET_CHECK_DEPARTMENTS.map((department) => ({
    checkId: deps.newId(),
    procedureId: p.procedureId,
    householdId: p.householdId,
    countyCode: p.countyCode,
    villageCode: p.villageCode,
    department,
    subject: ASSET_CHECK_SUBJECT_ZH[department],
    status: 'requested',
    requestedAt: at,
    requestedBy: caller.identity.username,
    version: 1,
  }));
  const next = withStep(
    p,
    'asset_checks',
    { at, by: caller.identity.username, role: caller.identity.role },
    { assetChecks: checks.map((c) => ({ checkId: c.checkId, department: c.department })) },
  );
  await deps.monitoring.commit({
    procedures: [{ next, expectedVersion: p.version }],
    assetChecks: checks.map((c) => ({ next: c })),
    fileEvents: [
      fileEvent(
        deps,
        caller,
        p,
        'asset_checks.requested',
        `发起部门信息比对：${checks.map((c) => c.subject).join('、')}`,
        { procedureId: p.procedureId },
      ),
    ],
  });
  await clearOverdueAlert(deps, next, at);
  return next;
};

const loadCheckOfDepartment = async (deps: MonitoringDeps, identity: Identity, checkId: string) => {
  const check = await deps.monitoring.getAssetCheck(checkId);
  if (!check || check.countyCode !== identity.countyCode || check.department !== identity.department)
    throw new NotFound('比对请求不存在或不是发给本部门的');
  return check;
};

/**
 * A department's request with the household's active members in full (name, ID, relation): the
 * department needs them to search its records. The read is audited before the data is returned.
 */
export const getAssetCheck = async (deps: MonitoringDeps, caller: Caller, checkId: string) => {
  const check = await loadCheckOfDepartment(deps, caller.identity, checkId);
  const household = await deps.households.get(check.householdId);
  if (!household) throw new NotFound();
  const { userId, username, role } = caller.identity;
  await deps.audit.recordPersonalDataRead(
    auditEntry(
      {
        now: caller.now.toISOString(),
        actor: { userId, username, role },
        newId: deps.newId,
        requestId: caller.requestId,
      },
      household,
      'identity.read',
      `${auditSummary.identityRead(household)}（${check.subject}比对）`,
    ),
  );
  return {
    ...check,
    members: household.members
      .filter((m) => m.status === 'active')
      .map((m) => ({ name: m.name, idType: m.idType, idNumber: m.idNumber, relation: m.relation })),
  };
};

export const listAssetChecks = (
  deps: MonitoringDeps,
  identity: Identity,
  status: AssetCheck['status'] | undefined,
  page: PageRequest,
): Promise<Page<AssetCheck>> => {
  if (!identity.department) throw new NotFound();
  return deps.monitoring.listAssetChecks(
    { countyCode: identity.countyCode, department: identity.department, status },
    page,
  );
};

export const answerAssetCheck = async (
  deps: MonitoringDeps,
  caller: Caller,
  checkId: string,
  input: { finding: 'none' | 'found'; detail: string },
): Promise<AssetCheck> => {
  const check = await loadCheckOfDepartment(deps, caller.identity, checkId);
  if (check.status === 'answered') throw new Conflict('该比对请求已反馈', 'ALREADY_ANSWERED');
  const at = caller.now.toISOString();
  const next: AssetCheck = {
    ...check,
    status: 'answered',
    finding: input.finding,
    detail: input.detail,
    answeredAt: at,
    answeredBy: caller.identity.username,
    version: check.version + 1,
  };
  await deps.monitoring.commit({
    assetChecks: [{ next, expectedVersion: check.version }],
    fileEvents: [
      fileEvent(
        deps,
        caller,
        check,
        'asset_check.answered',
        `${check.subject}比对结果：${input.finding === 'found' ? '发现相关资产' : '未发现'}`,
        { procedureId: check.procedureId, checkId },
      ),
    ],
  });
  return next;
};

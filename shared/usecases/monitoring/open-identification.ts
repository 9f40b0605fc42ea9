/**
 * Open an identification from a lead (SPEC §4.3): 1. the lead is open and in scope; 2. the signed
 * authorization is an upload of the household, stored; 3. a household with a member on the negative
 * list is refused — the refusal is written to the household file and the lead closed, then 409
 * `NEGATIVE_LIST` with the reasons; already monitored or a procedure in progress → 409; 4. the
 * procedure is opened (due in `procedureDays`), claimed for the household, the lead moves on.
 * Green channel (disaster or accident with clear facts): marked at opening, so assistance may be
 * recorded before the procedure completes.
 */
import { Conflict } from '../../http/errors.ts';
import {
  assertCanOpenIdentification,
  NEGATIVE_LIST,
  procedureDueAt,
} from '../../domain/monitoring/identification.ts';
import type { Lead } from '../../domain/monitoring/lead.ts';
import type { Procedure } from '../../domain/monitoring/procedure.ts';
import { activeMembers, assertUploads, configAt, fileEvent, loadHousehold } from './context.ts';
import type { Caller, MonitoringDeps } from './ports.ts';
import { assertRegionScope } from '../../auth/authorize.ts';
import { NotFound } from '../../http/errors.ts';

export interface OpenIdentificationInput {
  readonly leadId: string;
  readonly authorizationUploadId: string;
  readonly greenChannel?: boolean;
  readonly greenChannelReason?: string;
}

const closeLead = (lead: Lead, at: string, reason: string): Lead => ({
  ...lead,
  status: 'closed',
  closedReason: reason,
  updatedAt: at,
  version: lead.version + 1,
});

export const openIdentification = async (
  deps: MonitoringDeps,
  caller: Caller,
  input: OpenIdentificationInput,
): Promise<Procedure> => {
  const lead = await deps.monitoring.getLead(input.leadId);
  if (!lead) throw new NotFound('线索不存在或不在您的管辖范围内');
  assertRegionScope(caller.identity, lead.villageCode);
  if (lead.status !== 'open')
    throw new Conflict(
      lead.status === 'in_procedure' ? '该线索已启动识别程序' : '该线索已办结',
      'STEP_OUT_OF_ORDER',
      { leadStatus: lead.status, procedureId: lead.procedureId },
    );
  const household = await loadHousehold(deps, caller.identity, lead.householdId);
  await assertUploads(deps, [input.authorizationUploadId], {
    kind: 'authorization',
    ownerIds: [household.householdId],
    countyCode: household.countyCode,
    path: 'body.authorizationUploadId',
    label: '承诺授权书',
  });
  const at = caller.now.toISOString();
  const ids = activeMembers(household)
    .filter((m) => m.idType === 'resident_id')
    .map((m) => m.idNumber);
  const hits = await deps.negativeList.lookup(ids);
  const records = await deps.monitoring.household(household.householdId);
  const negativeReasons = [...hits.values()].map((h) => h.reasonLabel);
  try {
    assertCanOpenIdentification({
      householdType: household.type,
      monitoringStatus: records.state?.status,
      openProcedureId: records.openProcedureId,
      negativeReasons,
    });
  } catch (error) {
    if (error instanceof Conflict && error.code === NEGATIVE_LIST) {
      await deps.monitoring.commit({
        leads: [{ next: closeLead(lead, at, error.message), expectedVersion: lead.version }],
        openLead: { op: 'release', householdId: household.householdId, id: lead.leadId },
        fileEvents: [
          fileEvent(deps, caller, household, 'procedure.refused', `不予启动识别程序：${error.message}`, {
            leadId: lead.leadId,
          }),
        ],
      });
    }
    throw error;
  }
  const config = await configAt(deps, household.countyCode, caller.now);
  const procedure: Procedure = {
    procedureId: deps.newId(),
    kind: 'identification',
    status: 'in_progress',
    householdId: household.householdId,
    countyCode: household.countyCode,
    townCode: household.townCode,
    villageCode: household.villageCode,
    leadId: lead.leadId,
    openedAt: at,
    openedBy: caller.identity.username,
    dueAt: procedureDueAt(at, config.monitoring),
    greenChannel: input.greenChannel ?? false,
    ...(input.greenChannel && input.greenChannelReason
      ? { greenChannelReason: input.greenChannelReason }
      : {}),
    authorizationUploadId: input.authorizationUploadId,
    steps: {},
    updatedAt: at,
    version: 1,
  };
  const mark = procedure.greenChannel ? '（绿色通道：先帮扶后认定）' : '';
  await deps.monitoring.commit({
    procedures: [{ next: procedure }],
    openProcedure: { op: 'claim', householdId: household.householdId, id: procedure.procedureId },
    leads: [
      {
        next: {
          ...lead,
          status: 'in_procedure',
          procedureId: procedure.procedureId,
          updatedAt: at,
          version: lead.version + 1,
        },
        expectedVersion: lead.version,
      },
    ],
    fileEvents: [
      fileEvent(
        deps,
        caller,
        household,
        'procedure.opened',
        `启动监测对象识别程序（已签承诺授权书），办结时限 ${config.monitoring.procedureDays} 天${mark}`,
        { procedureId: procedure.procedureId, leadId: lead.leadId },
      ),
    ],
  });
  return procedure;
};

/**
 * Leads (SPEC §4.2): 1. the household lies in the caller's scope (a department: its county; only
 * the channel `department_alert`); 2. an open lead of the household is joined (channel appended,
 * 200 with the same lead), otherwise a new lead is opened and claimed for the household (201);
 * 3. the household file records it in the same transaction. A fund case that turned out eligible
 * comes in through `leadFromFundCase` (channel `fund_case`, the case id as source reference).
 */
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import {
  CHANNEL_ZH,
  joinLead,
  type Lead,
  type LeadChannel,
  type LeadStatus,
} from '../../domain/monitoring/lead.ts';
import { ValidationFailed } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import { fileEvent, loadHousehold } from './context.ts';
import type { Caller, MonitoringDeps } from './ports.ts';

export interface LeadInput {
  readonly householdId: string;
  readonly channel: LeadChannel;
  readonly note: string;
  readonly sourceRef?: string;
}

export const submitLead = async (
  deps: MonitoringDeps,
  caller: Caller,
  input: LeadInput,
): Promise<{ lead: Lead; joined: boolean }> => {
  const { identity } = caller;
  if (identity.role === 'department' && input.channel !== 'department_alert')
    throw new ValidationFailed([{ path: 'body.channel', message: '行业部门只能报送“部门筛查预警”线索' }]);
  const household = await loadHousehold(deps, identity, input.householdId);
  const at = caller.now.toISOString();
  const source = {
    channel: input.channel,
    note: input.note,
    ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
    at,
    by: identity.username,
    role: identity.role,
  };
  const records = await deps.monitoring.household(household.householdId);
  const open = records.openLeadId ? await deps.monitoring.getLead(records.openLeadId) : undefined;
  if (open && open.status !== 'closed') {
    const already = input.sourceRef && open.sources.some((s) => s.sourceRef === input.sourceRef);
    if (already) return { lead: open, joined: true };
    const next = joinLead(open, source);
    await deps.monitoring.commit({
      leads: [{ next, expectedVersion: open.version }],
      fileEvents: [
        fileEvent(
          deps,
          caller,
          household,
          'lead.joined',
          `新线索并入未办结线索：${CHANNEL_ZH[input.channel]}`,
          {
            leadId: open.leadId,
            sourceRef: input.sourceRef,
          },
        ),
      ],
    });
    return { lead: next, joined: true };
  }
  const lead: Lead = {
    leadId: deps.newId(),
    householdId: household.householdId,
    countyCode: household.countyCode,
    townCode: household.townCode,
    villageCode: household.villageCode,
    status: 'open',
    channels: [input.channel],
    sources: [source],
    createdAt: at,
    createdBy: identity.username,
    updatedAt: at,
    version: 1,
  };
  await deps.monitoring.commit({
    leads: [{ next: lead }],
    openLead: { op: 'claim', householdId: household.householdId, id: lead.leadId },
    fileEvents: [
      fileEvent(deps, caller, household, 'lead.recorded', `发现线索：${CHANNEL_ZH[input.channel]}`, {
        leadId: lead.leadId,
        sourceRef: input.sourceRef,
      }),
    ],
  });
  return { lead, joined: false };
};

/** A fund case found eligible becomes a lead of its household (idempotent per case). */
export const leadFromFundCase = (
  deps: MonitoringDeps,
  caller: Caller,
  fundCase: { caseId: string; householdId: string; note?: string },
) =>
  submitLead(deps, caller, {
    householdId: fundCase.householdId,
    channel: 'fund_case',
    note: fundCase.note ?? '防贫保案件核查符合条件，转监测线索',
    sourceRef: fundCase.caseId,
  });

export const listLeads = (
  deps: MonitoringDeps,
  identity: Identity,
  filter: { villageCode?: string; townCode?: string; status?: LeadStatus },
  page: PageRequest,
): Promise<Page<Lead>> =>
  deps.monitoring.listLeads(
    { regionCode: narrowRegion(identity, filter.villageCode ?? filter.townCode), status: filter.status },
    page,
  );

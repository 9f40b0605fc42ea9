/**
 * Leads (线索, SPEC §4.2): every discovery channel lands in one place per village. One open lead per
 * household: a new lead for a household whose lead is still open joins it (its channel and note
 * appended). Item `pk=MONLEAD#<leadId>`, `sk=LEAD`, listed per region level on gsi1/2/3
 * `MONLEADS#<village|town|county>` / `<status>#<createdAt>#<leadId>`; the household's open lead is
 * claimed by `pk=MON#<householdId>`, `sk=OPENLEAD` (conditional put: one per household).
 */
import { z } from 'zod';

export const LEAD_CHANNELS = [
  'self_application',
  'cadre_visit',
  'department_alert',
  'public_opinion',
  'petition',
  'social_assistance',
  'fund_case',
] as const;
export const LeadChannel = z.enum(LEAD_CHANNELS).meta({
  description: '自主申报 / 干部走访 / 部门预警 / 舆情 / 信访 / 社会救助 / 防贫保数据比对',
});
export type LeadChannel = z.infer<typeof LeadChannel>;

export const CHANNEL_ZH: Readonly<Record<LeadChannel, string>> = {
  self_application: '农户自主申报',
  cadre_visit: '干部走访排查',
  department_alert: '部门筛查预警',
  public_opinion: '舆情信息',
  petition: '信访',
  social_assistance: '社会救助机构',
  fund_case: '防贫保案件比对',
};

export const LEAD_STATUSES = ['open', 'in_procedure', 'closed'] as const;
export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const LeadSource = z.object({
  channel: LeadChannel,
  note: z.string(),
  sourceRef: z.string().optional(),
  at: z.string(),
  by: z.string(),
  role: z.string(),
});

export const Lead = z
  .object({
    leadId: z.string(),
    householdId: z.string(),
    countyCode: z.string(),
    townCode: z.string(),
    villageCode: z.string(),
    status: LeadStatus,
    channels: z.array(LeadChannel),
    sources: z.array(LeadSource),
    procedureId: z.string().optional(),
    closedReason: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'MonitoringLead' });
export type Lead = z.infer<typeof Lead>;

export const leadKey = (leadId: string) => ({ pk: `MONLEAD#${leadId}`, sk: 'LEAD' });
export const openLeadKey = (householdId: string) => ({ pk: `MON#${householdId}`, sk: 'OPENLEAD' });

export const leadItem = (lead: Lead): Record<string, unknown> => {
  const sort = `${lead.status}#${lead.createdAt}#${lead.leadId}`;
  return {
    ...leadKey(lead.leadId),
    entity: 'monitoring_lead',
    ...lead,
    gsi1pk: `MONLEADS#${lead.villageCode}`,
    gsi1sk: sort,
    gsi2pk: `MONLEADS#${lead.townCode}`,
    gsi2sk: sort,
    gsi3pk: `MONLEADS#${lead.countyCode}`,
    gsi3sk: sort,
  };
};

/** The lead with one more source; its channels list each channel once. */
export const joinLead = (lead: Lead, source: z.infer<typeof LeadSource>): Lead => ({
  ...lead,
  channels: lead.channels.includes(source.channel) ? lead.channels : [...lead.channels, source.channel],
  sources: [...lead.sources, source],
  updatedAt: source.at,
  version: lead.version + 1,
});

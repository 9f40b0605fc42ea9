/**
 * The campaign's 附件5 table (监测对象回退、清退情况统计表) for an area in the caller's reach, from
 * the monitoring data: the completed rollback and removal procedures of the area (the procedure
 * index of the region, filtered to the campaign's period and scope), each with its household's
 * head, persons and risks. The JSON view masks the head's name and ID; the XLSX for sending upwards
 * carries them in full and records a full personal-data read per household first.
 */
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import { auditEntry } from '../../domain/audit.ts';
import {
  countsInTable,
  rollbackLine,
  rollbackTotals,
  rollUpLines,
  sortLines,
  type RollupLevel,
  type RollbackLine,
  type RollbackTotals,
} from '../../domain/campaign/rollback-table.ts';
import { maskName, maskResidentId } from '../../domain/mask.ts';
import type { Procedure } from '../../domain/monitoring/procedure.ts';
import { campaignInScope } from './campaigns.ts';
import type { CampaignDeps } from './ports.ts';

export interface RollbackTable {
  readonly campaignId: string;
  readonly code: string;
  readonly unitName: string;
  readonly lines: RollbackLine[];
  readonly totals: RollbackTotals;
  /** The totals per region at the level asked for. */
  readonly subtotals: { code: string; name: string; totals: RollbackTotals }[];
}

const completedProcedures = async (deps: CampaignDeps, regionCode: string): Promise<Procedure[]> => {
  const all: Procedure[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.monitoring.listProcedures(
      { regionCode, status: 'completed' },
      { limit: 200, cursor },
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

export const rollbackTable = async (
  deps: CampaignDeps,
  identity: Identity,
  campaignId: string,
  query: { code?: string; level: RollupLevel },
): Promise<RollbackTable> => {
  const campaign = await campaignInScope(deps, identity, campaignId);
  const area = narrowRegion(identity, query.code);
  const procedures = (await completedProcedures(deps, area)).filter((p) => countsInTable(campaign, p));
  const lines = await Promise.all(
    procedures.map(async (p) => {
      const [household, records] = await Promise.all([
        deps.households.get(p.householdId),
        deps.monitoring.household(p.householdId),
      ]);
      return household ? rollbackLine(p, household, records.state) : undefined;
    }),
  );
  const present = sortLines(lines.filter((l): l is RollbackLine => l !== undefined));
  const names = await deps.regionNames(identity.countyCode);
  return {
    campaignId,
    code: area,
    unitName: names.get(area) ?? area,
    lines: present,
    totals: rollbackTotals(present),
    subtotals: rollUpLines(present, query.level).map((r) => ({ ...r, name: names.get(r.code) ?? r.code })),
  };
};

/** The list view: head names and IDs masked. */
export const maskedTable = (table: RollbackTable): RollbackTable => ({
  ...table,
  lines: table.lines.map((l) => ({
    ...l,
    headName: maskName(l.headName),
    headIdNumber: l.headIdNumber ? maskResidentId(l.headIdNumber) : '',
  })),
});

/** Before the full table leaves: one audited full personal-data read per household. */
export const auditFullTable = async (
  deps: CampaignDeps,
  identity: Identity,
  table: RollbackTable,
  now: Date,
  requestId: string | undefined,
): Promise<void> => {
  const seen = new Set<string>();
  for (const line of table.lines) {
    if (seen.has(line.householdId)) continue;
    seen.add(line.householdId);
    await deps.audit.recordPersonalDataRead(
      auditEntry(
        {
          now: now.toISOString(),
          actor: { userId: identity.userId, username: identity.username, role: identity.role },
          newId: deps.newId,
          requestId,
        },
        { householdId: line.householdId, countyCode: line.countyCode, villageCode: line.villageCode },
        'identity.read',
        `导出监测对象回退、清退情况统计表（附件5）：户主 ${maskName(line.headName)}`,
      ),
    );
  }
};

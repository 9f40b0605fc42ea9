/**
 * What ends a procedure writes besides the procedure: the household's open-procedure claim is
 * released and, for an identification, its lead is closed and its claim released — so the next
 * lead of the household opens a new one. The overdue alert of the procedure is cleared after.
 */
import type { MonitoringChange } from '../../adapters/monitoring-store.ts';
import type { Procedure } from '../../domain/monitoring/procedure.ts';
import type { MonitoringDeps } from './ports.ts';

export const endingWrites = async (
  deps: MonitoringDeps,
  ended: Procedure,
  reason: string,
): Promise<Pick<MonitoringChange, 'leads' | 'openLead' | 'openProcedure'>> => {
  const openProcedure = { op: 'release' as const, householdId: ended.householdId, id: ended.procedureId };
  if (ended.kind !== 'identification' || !ended.leadId) return { openProcedure };
  const lead = await deps.monitoring.getLead(ended.leadId);
  if (!lead || lead.status === 'closed') return { openProcedure };
  return {
    openProcedure,
    leads: [
      {
        next: {
          ...lead,
          status: 'closed',
          closedReason: reason,
          updatedAt: ended.updatedAt,
          version: lead.version + 1,
        },
        expectedVersion: lead.version,
      },
    ],
    openLead: { op: 'release', householdId: ended.householdId, id: lead.leadId },
  };
};

/** The overdue alert of a procedure: one per procedure (`procedure_overdue`, key = procedure id). */
export const clearOverdueAlert = (deps: MonitoringDeps, procedure: Procedure, at: string) =>
  deps.alerts.clear(procedure.countyCode, 'procedure_overdue', procedure.procedureId, at);

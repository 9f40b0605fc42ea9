import { describe, expect, it } from 'vitest';
import type { MonitoringChange, MonitoringStore } from '../../../shared/adapters/monitoring-store.ts';
import type { Household } from '../../../shared/domain/household-schema.ts';
import type { Lead } from '../../../shared/domain/monitoring/lead.ts';
import { Procedure } from '../../../shared/domain/monitoring/procedure.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import { recordCountyApproval } from '../../../shared/usecases/monitoring/approval.ts';
import type { MonitoringDeps } from '../../../shared/usecases/monitoring/ports.ts';

const COUNTY = '420702000000';
const at = '2032-01-19T02:00:00.000Z';

const household = {
  householdId: 'h-1',
  countyCode: COUNTY,
  townCode: '420702100000',
  villageCode: '420702100201',
  type: 'general',
  headName: '张三丰',
  members: [],
  version: 4,
} as unknown as Household;

const lead = {
  leadId: 'l-1',
  householdId: 'h-1',
  countyCode: COUNTY,
  townCode: '420702100000',
  villageCode: '420702100201',
  status: 'in_procedure',
  channels: ['cadre_visit'],
  sources: [],
  procedureId: 'p-1',
  createdAt: at,
  createdBy: 'village.taihe',
  updatedAt: at,
  version: 2,
} as Lead;

const stepRecord = { at, by: 'x', role: 'village_cadre' };
const procedure = Procedure.parse({
  procedureId: 'p-1',
  kind: 'identification',
  status: 'in_progress',
  householdId: 'h-1',
  countyCode: COUNTY,
  townCode: '420702100000',
  villageCode: '420702100201',
  leadId: 'l-1',
  openedAt: '2032-01-05T02:00:00.000Z',
  openedBy: 'village.taihe',
  steps: Object.fromEntries(
    ['home_verification', 'asset_checks', 'deliberation', 'notice', 'town_review'].map((s) => [
      s,
      stepRecord,
    ]),
  ),
  verification: {
    investigators: ['甲', '乙'],
    memberCount: 3,
    components: {
      a28WagesFen: 1_500_000,
      a29BusinessFen: 0,
      a30PropertyFen: 0,
      a31TransferFen: 0,
      a32BusinessExpensesFen: 0,
    },
    figures: {
      members: 3,
      a33NetFen: 1_500_000,
      a34PerCapitaFen: 500_000,
      a37AfterExpensesFen: 1_500_000,
      a38PerCapitaAfterExpensesFen: 500_000,
    },
    risks: ['illness'],
    sharpIncomeDrop: false,
    evidenceUploadIds: [],
  },
  category: 'marginal',
  categoryReasons: ['认定为边缘易致贫户'],
  updatedAt: at,
  version: 6,
});

const fakeDeps = (commits: MonitoringChange[], cleared: string[]): MonitoringDeps => {
  let id = 0;
  const monitoring = {
    commit: async (change: MonitoringChange) => {
      commits.push(change);
    },
    getProcedure: async () => procedure,
    getLead: async () => lead,
    household: async () => ({
      measures: [],
      assessments: [],
      incomes: [],
      openLeadId: 'l-1',
      openProcedureId: 'p-1',
    }),
  } as unknown as MonitoringStore;
  return {
    monitoring,
    households: { get: async () => household },
    audit: { recordPersonalDataRead: async () => undefined },
    uploads: { get: async () => undefined },
    negativeList: { lookup: async () => new Map() },
    deliberations: { get: async () => undefined },
    notices: { get: async () => undefined, subjectOutcome: async () => undefined },
    alerts: {
      raise: async () => true,
      clear: async (_county, _kind, key) => {
        cleared.push(key);
        return true;
      },
    },
    files: { events: async () => [] },
    config: async (county, year) => yearConfigOf(county, year),
    newId: () => `id-${(id += 1)}`,
  };
};

describe('county approval of an identification', () => {
  it('writes procedure, state, registry household with its audit record, lead, claims and file events in one commit', async () => {
    const commits: MonitoringChange[] = [];
    const cleared: string[] = [];
    const identity = {
      userId: 'u1',
      username: 'county.staff',
      role: 'county_staff' as const,
      countyCode: COUNTY,
    };
    const result = await recordCountyApproval(
      fakeDeps(commits, cleared),
      { identity, now: new Date(at) },
      'p-1',
      {
        decision: 'approve',
      },
    );
    expect(result).toMatchObject({ status: 'completed', version: 7, outcome: { at, result: 'approved' } });
    expect(commits).toHaveLength(1);
    const [change] = commits;
    expect(change?.procedures?.map((w) => [w.next.status, w.expectedVersion])).toEqual([['completed', 6]]);
    expect(change?.state).toEqual({
      next: expect.objectContaining({
        status: 'monitored',
        category: 'marginal',
        monitoredSince: at,
        setupDueAt: '2032-01-29T02:00:00.000Z',
        typeBefore: 'general',
        planId: 'p-1',
        version: 1,
      }),
      expectedVersion: undefined,
    });
    expect(change?.household?.next).toMatchObject({ type: 'monitored', version: 5 });
    expect(change?.household?.expectedVersion).toBe(4);
    expect(change?.household?.audit.map((a) => [a.action, a.summary])).toEqual([
      ['household.updated', '修改农户信息：户类型（一般农户 → 监测户）'],
    ]);
    expect(change?.leads?.map((w) => [w.next.status, w.expectedVersion])).toEqual([['closed', 2]]);
    expect(change?.openLead).toEqual({ op: 'release', householdId: 'h-1', id: 'l-1' });
    expect(change?.openProcedure).toEqual({ op: 'release', householdId: 'h-1', id: 'p-1' });
    expect(change?.fileEvents.map((e) => [e.kind, e.seq, e.summary])).toEqual([
      ['county_approval.recorded', 0, '县级审定通过'],
      ['household.monitored', 1, '纳入监测：边缘易致贫户（认定为边缘易致贫户）'],
    ]);
    expect(cleared).toEqual(['p-1']);
  });

  it('refuses a town official on the county step and writes nothing', async () => {
    const commits: MonitoringChange[] = [];
    const identity = {
      userId: 'u2',
      username: 'town.taihe',
      role: 'town_official' as const,
      countyCode: COUNTY,
      townCode: '420702100000',
    };
    await expect(
      recordCountyApproval(fakeDeps(commits, []), { identity, now: new Date(at) }, 'p-1', {
        decision: 'approve',
      }),
    ).rejects.toMatchObject({ status: 403, message: '当前角色不能办理“县级审定”步骤' });
    expect(commits).toEqual([]);
  });
});

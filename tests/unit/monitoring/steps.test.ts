import { describe, expect, it } from 'vitest';
import type { MonitoringChange, MonitoringStore } from '../../../shared/adapters/monitoring-store.ts';
import type { Deliberation } from '../../../shared/domain/deliberation.ts';
import type { AssetCheck } from '../../../shared/domain/monitoring/asset-check.ts';
import type { Lead } from '../../../shared/domain/monitoring/lead.ts';
import { Procedure } from '../../../shared/domain/monitoring/procedure.ts';
import type { SubjectOutcome } from '../../../shared/domain/notice/notice.ts';
import { yearConfigOf } from '../../../shared/domain/year-config.ts';
import { recordDeliberation, recordNotice } from '../../../shared/usecases/monitoring/steps.ts';
import type { MonitoringDeps } from '../../../shared/usecases/monitoring/ports.ts';

const COUNTY = '420702000000';
const VILLAGE = '420702100201';
const at = '2026-03-10T02:00:00.000Z';
const step = { at, by: 'x', role: 'village_cadre' };
const village = {
  userId: 'u7',
  username: 'village.taihe',
  role: 'village_cadre' as const,
  countyCode: COUNTY,
  townCode: '420702100000',
  villageCode: VILLAGE,
};

const procedure = (steps: string[]) =>
  Procedure.parse({
    procedureId: 'p-1',
    kind: 'identification',
    status: 'in_progress',
    householdId: 'h-1',
    countyCode: COUNTY,
    townCode: '420702100000',
    villageCode: VILLAGE,
    leadId: 'l-1',
    openedAt: '2026-03-02T02:00:00.000Z',
    openedBy: 'village.taihe',
    steps: Object.fromEntries(steps.map((s) => [s, step])),
    assetChecks: [{ checkId: 'c-1', department: 'police' }],
    updatedAt: at,
    version: 4,
  });

const lead = { leadId: 'l-1', status: 'in_procedure', version: 3, householdId: 'h-1' } as Lead;

interface World {
  procedure: Procedure;
  check?: Partial<AssetCheck>;
  deliberation?: Partial<Deliberation>;
  outcome?: Partial<SubjectOutcome>;
}

const depsFor = (world: World, commits: MonitoringChange[]): MonitoringDeps =>
  ({
    monitoring: {
      commit: async (change: MonitoringChange) => {
        commits.push(change);
      },
      getProcedure: async () => world.procedure,
      getLead: async () => lead,
      getAssetCheck: async () => world.check,
    } as unknown as MonitoringStore,
    deliberations: { get: async () => world.deliberation },
    notices: { get: async () => undefined, subjectOutcome: async () => world.outcome },
    alerts: { raise: async () => true, clear: async () => true },
    config: async (county: string, year: number) => yearConfigOf(county, year),
    newId: () => 'e-1',
  }) as unknown as MonitoringDeps;

const deliberation = (outcome: 'passed' | 'rejected') => ({
  deliberationId: 'd-1',
  villageCode: VILLAGE,
  meetingDate: '2026-03-10',
  outcomes: [{ subjectType: 'identification' as const, subjectId: 'p-1', householdId: 'h-1', outcome }],
});

describe('deliberation and notice steps', () => {
  it('waits for every asset-check answer before the deliberation', async () => {
    const commits: MonitoringChange[] = [];
    const world = {
      procedure: procedure(['home_verification', 'asset_checks']),
      check: { status: 'requested' as const, department: 'police' as const },
    };
    await expect(
      recordDeliberation(depsFor(world, commits), { identity: village, now: new Date(at) }, 'p-1', 'd-1'),
    ).rejects.toMatchObject({
      status: 409,
      message: '须先收到全部部门比对反馈（尚有 1 个部门未反馈）',
      details: { requiredFirst: 'asset_checks', waiting: ['police'] },
    });
    expect(commits).toEqual([]);
  });

  it('ends the procedure when the deliberation rejected it, closing the lead and releasing the claims', async () => {
    const commits: MonitoringChange[] = [];
    const world = {
      procedure: procedure(['home_verification', 'asset_checks']),
      check: { status: 'answered' as const },
      deliberation: deliberation('rejected'),
    };
    const ended = await recordDeliberation(
      depsFor(world, commits),
      { identity: village, now: new Date(at) },
      'p-1',
      'd-1',
    );
    expect(ended).toMatchObject({
      status: 'ended',
      deliberationId: 'd-1',
      outcome: { result: 'deliberation_rejected', reason: '村级民主评议未通过' },
    });
    expect(commits[0]?.leads?.map((w) => [w.next.status, w.next.closedReason])).toEqual([
      ['closed', '村级民主评议未通过'],
    ]);
    expect(commits[0]?.openProcedure).toEqual({ op: 'release', householdId: 'h-1', id: 'p-1' });
    expect(commits[0]?.openLead).toEqual({ op: 'release', householdId: 'h-1', id: 'l-1' });
    expect(commits[0]?.fileEvents.map((e) => [e.kind, e.summary])).toEqual([
      ['deliberation.recorded', '村级民主评议（2026-03-10）：未通过'],
      ['procedure.ended', '监测对象识别程序终止：村级民主评议未通过'],
    ]);
  });

  it('refuses a deliberation of another village or one that did not decide on this procedure', async () => {
    const other = {
      procedure: procedure(['home_verification', 'asset_checks']),
      check: { status: 'answered' as const },
      deliberation: { ...deliberation('passed'), villageCode: '420702100202' },
    };
    await expect(
      recordDeliberation(depsFor(other, []), { identity: village, now: new Date(at) }, 'p-1', 'd-1'),
    ).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'body.deliberationId', message: '未找到本村的该次评议记录' }],
    });
    const silent = { ...other, deliberation: { ...deliberation('passed'), outcomes: [] } };
    await expect(
      recordDeliberation(depsFor(silent, []), { identity: village, now: new Date(at) }, 'p-1', 'd-1'),
    ).rejects.toMatchObject({
      issues: [{ path: 'body.deliberationId', message: '该次评议未对本程序作出结论' }],
    });
  });

  it('waits for the notice to be posted and to end', async () => {
    const p = procedure(['home_verification', 'asset_checks', 'deliberation']);
    await expect(
      recordNotice(depsFor({ procedure: p }, []), { identity: village, now: new Date(at) }, 'p-1'),
    ).rejects.toMatchObject({
      status: 409,
      message: '本程序尚未张贴公示',
    });
    const posted = {
      noticeId: 'n-1',
      noticeStatus: 'posted' as const,
      subjectStatus: 'listed' as const,
      endsAt: '2026-03-18T16:00:00.000Z',
    };
    await expect(
      recordNotice(
        depsFor({ procedure: p, outcome: posted }, []),
        { identity: village, now: new Date(at) },
        'p-1',
      ),
    ).rejects.toMatchObject({
      code: 'NOTICE_NOT_FINISHED',
      message: '公示尚未结束（公示期至 2026-03-18T16:00:00.000Z）',
    });
    const commits: MonitoringChange[] = [];
    const done = await recordNotice(
      depsFor({ procedure: p, outcome: { ...posted, noticeStatus: 'closed' } }, commits),
      { identity: village, now: new Date(at) },
      'p-1',
    );
    expect(done).toMatchObject({ status: 'in_progress', noticeId: 'n-1', version: 5 });
    expect(commits[0]?.fileEvents.map((e) => e.summary)).toEqual([
      '公示期满无异议（至 2026-03-18T16:00:00.000Z）',
    ]);
  });
});

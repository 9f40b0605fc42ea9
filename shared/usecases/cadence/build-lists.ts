/**
 * Builds a county's list for a period and publishes it (the `cadence-lists` state machine's task;
 * also a county staff member's re-run). Steps: read the period's records through the indexes,
 * apply the pure rules, tally per town and village, publish under the run's id. Running the same
 * period again replaces the list; the header in force afterwards is answered.
 */
import { assessHousehold, assessmentTallies, type AssessmentEntry } from '../../domain/cadence/assessment.ts';
import { compareMonth } from '../../domain/cadence/comparison.ts';
import { tally, type ListHeader, type ListKind } from '../../domain/cadence/list.ts';
import { quarterSpan } from '../../domain/cadence/period.ts';
import type { CadenceDeps, RunRequest, StoredEntry } from './ports.ts';

const emptyHeader = (request: RunRequest, kind: ListKind, now: Date): ListHeader => ({
  kind,
  countyCode: request.countyCode,
  period: request.period,
  runId: request.runId,
  startedAt: request.startedAt,
  generatedAt: now.toISOString(),
  requestedBy: request.requestedBy,
  counts: {},
  byTown: {},
  byVillage: {},
  notes: [],
});

const stored = (
  entry: { villageCode: string; entryKey: string },
  body: StoredEntry['body'],
): StoredEntry => ({
  villageCode: entry.villageCode,
  entryKey: entry.entryKey,
  body,
});

export const buildComparison = async (
  deps: Pick<CadenceDeps, 'sources' | 'lists'>,
  request: RunRequest,
  now: Date,
): Promise<ListHeader> => {
  const { sources } = deps;
  const submissions = await sources.submissions(request.countyCode, request.period);
  const taken = submissions.filter((s) => s.status !== 'refused');
  const [cases, monitored, config] = await Promise.all([
    sources.casesOf(request.countyCode, taken),
    sources.monitoredHouseholds(request.countyCode),
    sources.config(request.countyCode, Number(request.period.slice(0, 4))),
  ]);
  const [households, incomes] = await Promise.all([
    sources.householdFacts([...new Set(cases.map((c) => c.householdId))]),
    sources.latestIncomes(
      monitored.map((h) => h.householdId),
      request.period,
    ),
  ]);
  const entries = compareMonth({
    period: request.period,
    monitoringLineFen: config.monitoringLineFen,
    cases,
    households,
    monitored: monitored.map((h) => {
      const latestIncome = incomes.get(h.householdId);
      return { ...h, ...(latestIncome ? { latestIncome } : {}) };
    }),
  });

  const header = emptyHeader(request, 'comparison', now);
  header.counts.departmentRows = cases.length;
  header.counts.monitoredHouseholds = monitored.length;
  header.counts.submissions = taken.length;
  for (const entry of entries) tally(header, entry, ['entries', entry.list]);
  const pending = taken.filter((s) => s.status !== 'done').length;
  if (pending > 0)
    header.notes.push(
      `生成时仍有 ${pending} 份部门推送正在导入，其数据可能未全部纳入本次比对；导入完成后可重新生成`,
    );
  if (taken.length === 0) header.notes.push(`${request.period} 没有收到部门推送数据`);
  return deps.lists.publish(
    header,
    entries.map((e) => stored(e, e)),
  );
};

export const buildAssessment = async (
  deps: Pick<CadenceDeps, 'sources' | 'lists'>,
  request: RunRequest,
  now: Date,
): Promise<ListHeader> => {
  const { sources } = deps;
  const span = quarterSpan(request.period);
  const [monitored, eliminated] = await Promise.all([
    sources.monitoredHouseholds(request.countyCode),
    sources.eliminatedSince(request.countyCode, span.start.toISOString()),
  ]);
  const ids = [...new Set([...monitored.map((h) => h.householdId), ...eliminated])];
  const records = await sources.householdRecords(ids);
  const entries = records
    .map((r) => assessHousehold(request.period, span, r))
    .filter((e): e is AssessmentEntry => e !== undefined)
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.entryKey.localeCompare(b.entryKey));

  const header = emptyHeader(request, 'assessment', now);
  for (const entry of entries) tally(header, entry, assessmentTallies(entry));
  return deps.lists.publish(
    header,
    entries.map((e) => stored(e, e)),
  );
};

export const buildList = (
  deps: Pick<CadenceDeps, 'sources' | 'lists'>,
  kind: ListKind,
  request: RunRequest,
  now: Date,
): Promise<ListHeader> =>
  kind === 'comparison' ? buildComparison(deps, request, now) : buildAssessment(deps, request, now);

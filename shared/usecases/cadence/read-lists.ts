/**
 * Reading the kept lists, scoped (SPEC §1): county staff and the auditor see the county, a town
 * official the town's entries and counts, a village cadre the village's. A period with no list yet
 * is 404; a region outside the caller's scope is 404.
 */
import type { Identity } from '../../auth/identity.ts';
import { narrowRegion } from '../../auth/authorize.ts';
import type { ListHeader, ListKind, RegionCounts } from '../../domain/cadence/list.ts';
import { LIST_KIND_ZH } from '../../domain/cadence/list.ts';
import { levelOf, prefixOf } from '../../domain/region.ts';
import { NotFound } from '../../http/errors.ts';
import { AssessmentEntry } from '../../domain/cadence/assessment.ts';
import { ComparisonEntry } from '../../domain/cadence/comparison.ts';
import type { PageRequest } from '../registry/ports.ts';
import type { CadenceDeps, EntryQuery } from './ports.ts';

export interface HeaderView {
  kind: ListKind;
  period: string;
  runId: string;
  startedAt: string;
  generatedAt: string;
  requestedBy: string;
  regionCode: string;
  counts: RegionCounts;
  byTown: Record<string, RegionCounts>;
  byVillage: Record<string, RegionCounts>;
  notes: string[];
}

const within = (record: Record<string, RegionCounts>, regionCode: string) =>
  Object.fromEntries(Object.entries(record).filter(([code]) => code.startsWith(prefixOf(regionCode))));

/** The header with the counts of `regionCode` (the caller's region or a narrower one) only. */
export const headerView = (header: ListHeader, regionCode: string): HeaderView => {
  const level = levelOf(regionCode);
  const counts =
    level === 'county'
      ? header.counts
      : level === 'town'
        ? (header.byTown[regionCode] ?? {})
        : (header.byVillage[regionCode] ?? {});
  return {
    kind: header.kind,
    period: header.period,
    runId: header.runId,
    startedAt: header.startedAt,
    generatedAt: header.generatedAt,
    requestedBy: header.requestedBy,
    regionCode,
    counts,
    byTown: level === 'village' ? {} : within(header.byTown, regionCode),
    byVillage: within(header.byVillage, regionCode),
    notes: header.notes,
  };
};

export const listPeriods = async (
  deps: Pick<CadenceDeps, 'lists'>,
  identity: Identity,
  kind: ListKind,
): Promise<HeaderView[]> => {
  const region = narrowRegion(identity);
  return (await deps.lists.periods(kind, identity.countyCode)).map((h) => headerView(h, region));
};

export interface EntryRequest {
  readonly regionCode?: string;
  readonly equals?: EntryQuery['equals'];
}

const keptHeader = async (
  deps: Pick<CadenceDeps, 'lists'>,
  identity: Identity,
  kind: ListKind,
  period: string,
) => {
  const header = await deps.lists.header(kind, identity.countyCode, period);
  if (!header) throw new NotFound(`${period} 的${LIST_KIND_ZH[kind]}尚未生成`);
  return header;
};

/** A stored entry as the API shows it (the store's bookkeeping, such as the run id, left out). */
const entryOf = (kind: ListKind) => (item: Record<string, unknown>) =>
  kind === 'comparison' ? ComparisonEntry.parse(item) : AssessmentEntry.parse(item);

const queryOf = (header: ListHeader, regionCode: string, request: EntryRequest): EntryQuery => ({
  kind: header.kind,
  countyCode: header.countyCode,
  period: header.period,
  runId: header.runId,
  regionCode,
  ...(request.equals ? { equals: request.equals } : {}),
});

export const readEntries = async (
  deps: Pick<CadenceDeps, 'lists'>,
  identity: Identity,
  kind: ListKind,
  period: string,
  request: EntryRequest,
  page: PageRequest,
) => {
  const region = narrowRegion(identity, request.regionCode);
  const header = await keptHeader(deps, identity, kind, period);
  const found = await deps.lists.entries(queryOf(header, region, request), page);
  return {
    header: headerView(header, region),
    items: found.items.map(entryOf(kind)),
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
};

export const readAllEntries = async (
  deps: Pick<CadenceDeps, 'lists'>,
  identity: Identity,
  kind: ListKind,
  period: string,
  request: EntryRequest,
) => {
  const region = narrowRegion(identity, request.regionCode);
  const header = await keptHeader(deps, identity, kind, period);
  return {
    header: headerView(header, region),
    items: await deps.lists.allEntries(queryOf(header, region, request)),
  };
};

/**
 * A cadence list kept per period (SPEC §4.7): a header and its entries, in one partition per county,
 * kind and period. A run writes its entries under its own run id, then points the header at them;
 * readers follow the header, so a list being rebuilt is never seen half-written, and the entries of
 * the runs before are deleted after the switch.
 *
 * - header `pk=CADENCE#<county>#<KIND>#<period>`, `sk=HEADER`; gsi1 `CADENCES#<county>#<KIND>` /
 *   `<period>` lists the periods kept;
 * - entry  same pk, `sk=RUN#<runId>#<villageCode>#<entryKey>`: a village's or town's entries are one
 *   `begins_with` on the run and the region's code prefix.
 */
import { z } from 'zod';
import { prefixOf } from '../region.ts';

export const LIST_KINDS = ['comparison', 'assessment'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

const KIND_KEY: Readonly<Record<ListKind, string>> = { comparison: 'COMPARE', assessment: 'ASSESS' };

export const LIST_KIND_ZH: Readonly<Record<ListKind, string>> = {
  comparison: '数据比对清单',
  assessment: '帮扶成效评估清单',
};

export const listPartition = (kind: ListKind, countyCode: string, period: string): string =>
  `CADENCE#${countyCode}#${KIND_KEY[kind]}#${period}`;

export const headerKey = (kind: ListKind, countyCode: string, period: string) => ({
  pk: listPartition(kind, countyCode, period),
  sk: 'HEADER',
});

export const periodsPartition = (kind: ListKind, countyCode: string): string =>
  `CADENCES#${countyCode}#${KIND_KEY[kind]}`;

/** The sort-key prefix of a run's entries, narrowed to a region (county, town or village code). */
export const entryPrefix = (runId: string, regionCode?: string): string =>
  `RUN#${runId}#${regionCode && regionCode.slice(6) !== '000000' ? prefixOf(regionCode) : ''}`;

export const entrySortKey = (runId: string, villageCode: string, entryKey: string): string =>
  `RUN#${runId}#${villageCode}#${entryKey}`;

/** Counts of one region (county total, a town, a village). */
export const RegionCounts = z.record(z.string(), z.number().int());
export type RegionCounts = z.infer<typeof RegionCounts>;

export const ListHeader = z
  .object({
    kind: z.enum(LIST_KINDS),
    countyCode: z.string(),
    period: z.string(),
    runId: z.string(),
    startedAt: z.string(),
    generatedAt: z.string(),
    /** Who asked for the run: `schedule` or the user id of the county staff member. */
    requestedBy: z.string(),
    counts: RegionCounts,
    byTown: z.record(z.string(), RegionCounts),
    byVillage: z.record(z.string(), RegionCounts),
    /** zh-CN notes on what the list could not cover (e.g. submissions still being taken in). */
    notes: z.array(z.string()),
  })
  .meta({ id: 'CadenceListHeader' });
export type ListHeader = z.infer<typeof ListHeader>;

/** Adds one entry's tallies to the county, town and village counts. */
export const tally = (
  header: Pick<ListHeader, 'counts' | 'byTown' | 'byVillage'>,
  place: { townCode: string; villageCode: string },
  keys: readonly string[],
): void => {
  const add = (counts: RegionCounts) => {
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  };
  add(header.counts);
  add((header.byTown[place.townCode] ??= {}));
  add((header.byVillage[place.villageCode] ??= {}));
};

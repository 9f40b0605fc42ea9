/**
 * Recount a county's area counters from the registry: 1. every household of the county index
 * (a page at a time) with its monitoring STATE; 2. each household's `contributionOf` added up per
 * village; 3. compared with the maintained `VILLAGE#` items (the drift) and, in `apply` mode, the
 * items replaced by the recount (villages with no household left are deleted).
 *
 * The maintained counters move in the same transaction as each change, so they should never drift;
 * the recount is for data written before the counters existed (the local seed upgrade). The nightly
 * registry snapshot checks the registry part at no extra read (`snapshotDrift`). `apply` writes
 * absolute values: run it only while nothing else writes the county
 * (a change committed during the recount could be lost) — the local runtime does it at start-up,
 * before it serves requests. The month trend items are not rebuilt (history is not recoverable).
 */
import type { AreaCountStore } from '../../adapters/area-count-store.ts';
import {
  contributionOf,
  COUNT_ATTRIBUTES,
  countDrift,
  facetOf,
  type CountDrift,
  type VillageCounts,
} from '../../domain/area-counts.ts';
import type { RegistrySnapshot } from './registry-snapshot.ts';

export type RecountPorts = Pick<
  AreaCountStore,
  'villages' | 'replaceVillages' | 'monitoringStates' | 'countyHouseholds'
>;

export interface RecountResult {
  readonly countyCode: string;
  readonly households: number;
  readonly villages: number;
  readonly drift: CountDrift[];
  readonly applied: boolean;
}

export const recountAreas = async (
  ports: RecountPorts,
  countyCode: string,
  mode: 'check' | 'apply',
): Promise<RecountResult> => {
  const recounted = new Map<string, Record<string, number>>();
  let households = 0;
  for await (const page of ports.countyHouseholds(countyCode)) {
    const states = await ports.monitoringStates(page.map((h) => h.householdId));
    for (const household of page) {
      households += 1;
      const into = recounted.get(household.villageCode) ?? {};
      const contribution = contributionOf(facetOf(household, states.get(household.householdId)));
      for (const [name, value] of Object.entries(contribution)) into[name] = (into[name] ?? 0) + value;
      recounted.set(household.villageCode, into);
    }
  }
  const drift = countDrift(await ports.villages(countyCode), recounted);
  const applied = mode === 'apply' && drift.length > 0;
  if (applied) await ports.replaceVillages(countyCode, recounted);
  return { countyCode, households, villages: recounted.size, drift, applied };
};

/** The attributes the registry alone decides (the snapshot counts them too). */
const isRegistryAttribute = (name: string) =>
  name === COUNT_ATTRIBUTES.households || name === COUNT_ATTRIBUTES.persons || name.startsWith('type_');

/**
 * The nightly check, at no extra read: the registry snapshot's households, active members and
 * types per village against the maintained counters (the monitoring parts need the full recount).
 */
export const snapshotDrift = (
  maintained: readonly VillageCounts[],
  snapshot: Pick<RegistrySnapshot, 'byVillage' | 'membersByVillage'>,
): CountDrift[] => {
  const recounted = new Map(
    Object.entries(snapshot.byVillage).map(([villageCode, byType]) => [
      villageCode,
      {
        [COUNT_ATTRIBUTES.households]: Object.values(byType).reduce((a, b) => a + b, 0),
        [COUNT_ATTRIBUTES.persons]: snapshot.membersByVillage[villageCode] ?? 0,
        ...Object.fromEntries(Object.entries(byType).map(([type, n]) => [`type_${type}`, n])),
      },
    ]),
  );
  return countDrift(maintained, recounted).filter((d) => isRegistryAttribute(d.attribute));
};

/**
 * Recount a county's area counters from the registry: 1. every household of the county index
 * (a page at a time) with its monitoring STATE; 2. each household's `contributionOf` added up per
 * village; 3. compared with the maintained `VILLAGE#` items (the drift) and, in `apply` mode, the
 * items replaced by the recount (villages with no household left are deleted).
 *
 * The maintained counters move in the same transaction as each change, so they should never drift;
 * the recount is for data written before the counters existed (the local seed upgrade) and as the
 * nightly check. `apply` writes absolute values: run it only while nothing else writes the county
 * (a change committed during the recount could be lost) — the local runtime does it at start-up,
 * before it serves requests. The month trend items are not rebuilt (history is not recoverable).
 */
import type { AreaCountStore } from '../../adapters/area-count-store.ts';
import { contributionOf, countDrift, facetOf, type CountDrift } from '../../domain/area-counts.ts';

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

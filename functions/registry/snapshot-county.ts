/**
 * Task of `registry-snapshot`: count one county's registry and keep the snapshot; then check the
 * maintained area counters against a recount (drift logged, not written: see `recount-areas.ts`).
 */
import { z } from 'zod';
import { areaCountStore } from '../../shared/adapters/area-count-store.ts';
import { statsStore } from '../../shared/adapters/stats-store.ts';
import { recountAreas } from '../../shared/usecases/stats/recount-areas.ts';
import { snapshotOf, type HouseholdFacts } from '../../shared/usecases/stats/registry-snapshot.ts';
import { logger } from '../../shared/log/logger.ts';

const Input = z.object({ countyCode: z.string().regex(/^\d{6}000000$/) });

export const handler = async (event: unknown) => {
  const { countyCode } = Input.parse(event);
  const facts: HouseholdFacts[] = [];
  for await (const fact of statsStore.countyHouseholds(countyCode)) facts.push(fact);
  const snapshot = snapshotOf(countyCode, new Date().toISOString(), facts);
  await statsStore.save(snapshot);
  logger.info('registry snapshot', { countyCode, households: snapshot.households });
  const counters = await recountAreas(areaCountStore, countyCode, 'check');
  if (counters.drift.length > 0)
    logger.warn('area counters differ from a recount', { countyCode, drift: counters.drift.slice(0, 50) });
  return {
    countyCode,
    households: snapshot.households,
    members: snapshot.members,
    areaCountDrift: counters.drift.length,
  };
};

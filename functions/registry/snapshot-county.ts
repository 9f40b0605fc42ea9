/**
 * Task of `registry-snapshot`: count one county's registry and keep the snapshot; then check the
 * maintained area counters' households, persons and types against it (drift logged, not written:
 * see `recount-areas.ts`).
 */
import { z } from 'zod';
import { areaCountStore } from '../../shared/adapters/area-count-store.ts';
import { statsStore } from '../../shared/adapters/stats-store.ts';
import { snapshotDrift } from '../../shared/usecases/stats/recount-areas.ts';
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
  const drift = snapshotDrift(await areaCountStore.villages(countyCode), snapshot);
  if (drift.length > 0)
    logger.warn('area counters differ from the snapshot', { countyCode, drift: drift.slice(0, 50) });
  return {
    countyCode,
    households: snapshot.households,
    members: snapshot.members,
    areaCountDrift: drift.length,
  };
};

/** Task of `registry-snapshot`: count one county's registry and keep the snapshot. */
import { z } from 'zod';
import { statsStore } from '../../shared/adapters/stats-store.ts';
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
  return { countyCode, households: snapshot.households, members: snapshot.members };
};

import { apiHandler } from '../../shared/http/api-handler.ts';
import { getRegistryStats } from '../../shared/contracts/registry-stats.ts';
import { statsStore } from '../../shared/adapters/stats-store.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { isWithin } from '../../shared/domain/region.ts';
import { regionScopeOf } from '../../shared/auth/authorize.ts';

/** The latest snapshot of the caller's county; a town official sees only the villages of the town. */
export const handler = apiHandler(getRegistryStats, async ({ identity }) => {
  const snapshot = await statsStore.latest(identity.countyCode);
  if (!snapshot) throw new NotFound('尚未生成农户台账快照（每日 01:30 生成）');
  const scope = regionScopeOf(identity);
  if (scope === identity.countyCode) return { status: 200, body: snapshot };
  const inScope = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([village]) => isWithin(village, scope)));
  const byVillage = inScope(snapshot.byVillage);
  const membersByVillage = inScope(snapshot.membersByVillage);
  const byType: Record<string, number> = {};
  for (const counts of Object.values(byVillage))
    for (const [type, n] of Object.entries(counts)) byType[type] = (byType[type] ?? 0) + n;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    status: 200,
    body: {
      ...snapshot,
      households: sum(Object.values(byType)),
      members: sum(Object.values(membersByVillage)),
      byType,
      byVillage,
      membersByVillage,
    },
  };
});

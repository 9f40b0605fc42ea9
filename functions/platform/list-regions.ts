import { apiHandler } from '../../shared/http/api-handler.ts';
import { listRegions } from '../../shared/contracts/platform.ts';
import { regionStore } from '../../shared/adapters/region-store.ts';
import { inRegionScope, regionScopeOf } from '../../shared/auth/authorize.ts';
import { isWithin } from '../../shared/domain/region.ts';

/** The caller's region, what lies under it, and the regions above it (for breadcrumbs). */
export const handler = apiHandler(listRegions, async ({ identity }) => {
  const scope = regionScopeOf(identity);
  const regions = await regionStore.listCounty(identity.countyCode);
  const items = regions.filter(
    (region) => inRegionScope(identity, region.code) || isWithin(scope, region.code),
  );
  return { status: 200, body: { items } };
});

/** Reading deliberations in the caller's area: out of scope is 404. */
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope, narrowRegion } from '../../auth/authorize.ts';
import type { DeliberationStore } from '../../adapters/deliberation-store.ts';
import type { Deliberation } from '../../domain/deliberation.ts';
import { NotFound } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';

export const loadDeliberationInScope = async (
  deliberations: Pick<DeliberationStore, 'get'>,
  identity: Identity,
  deliberationId: string,
): Promise<Deliberation> => {
  const deliberation = await deliberations.get(deliberationId);
  if (!deliberation) throw new NotFound('评议记录不存在或不在您的管辖范围内');
  assertRegionScope(identity, deliberation.villageCode);
  return deliberation;
};

export const listDeliberations = (
  deliberations: Pick<DeliberationStore, 'list'>,
  identity: Identity,
  filter: { villageCode?: string; townCode?: string },
  page: PageRequest,
): Promise<Page<Deliberation>> =>
  deliberations.list(narrowRegion(identity, filter.villageCode ?? filter.townCode), page);

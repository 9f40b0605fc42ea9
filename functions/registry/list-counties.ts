/** Task of `registry-snapshot`: the counties to count. Throws on failure so Retry/Catch fire. */
import { regionStore } from '../../shared/adapters/region-store.ts';

export const handler = async (): Promise<string[]> => regionStore.listCounties();

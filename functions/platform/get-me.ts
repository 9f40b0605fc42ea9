import { apiHandler } from '../../shared/http/api-handler.ts';
import { getMe } from '../../shared/contracts/platform.ts';
import { ROLE_LABELS } from '../../shared/auth/roles.ts';

export const handler = apiHandler(getMe, async ({ identity }) => ({
  status: 200,
  body: { ...identity, roleLabel: ROLE_LABELS[identity.role] },
}));

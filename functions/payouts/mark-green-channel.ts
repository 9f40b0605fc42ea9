import { apiHandler } from '../../shared/http/api-handler.ts';
import { markGreenChannel } from '../../shared/contracts/payouts.ts';
import { markGreenChannel as mark } from '../../shared/usecases/payouts/green-channel.ts';
import { payoutDeps } from './deps.ts';

export const handler = apiHandler(markGreenChannel, async ({ identity, params, body, now, requestId }) => ({
  status: 200,
  body: await mark(payoutDeps, { identity, now, requestId }, params.caseId, body),
}));

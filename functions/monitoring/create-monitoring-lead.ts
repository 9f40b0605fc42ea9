import { apiHandler } from '../../shared/http/api-handler.ts';
import { createLead } from '../../shared/contracts/monitoring.ts';
import { submitLead } from '../../shared/usecases/monitoring/leads.ts';
import { monitoringDeps as deps } from './deps.ts';

export const handler = apiHandler(createLead, async ({ identity, body, now, requestId }) => {
  const { lead, joined } = await submitLead(deps, { identity, now, requestId }, body);
  return { status: joined ? 200 : 201, body: lead };
});

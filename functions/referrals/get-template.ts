import { apiHandler } from '../../shared/http/api-handler.ts';
import { getReferralTemplate } from '../../shared/contracts/referral-templates.ts';
import { templateFile } from '../../shared/intake/template.ts';

/** The file template departments fill in: Chinese headers, one valid example row. */
export const handler = apiHandler(getReferralTemplate, async ({ params }) => ({
  status: 200,
  file: await templateFile(params.format),
}));

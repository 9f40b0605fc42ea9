/** GET /campaigns/{id}/summary?level=&code=[&format=xlsx] — the 附件2 table. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getSummary } from '../../shared/contracts/campaigns.ts';
import { shanghaiDate } from '../../shared/domain/shanghai-time.ts';
import { campaignSummary } from '../../shared/usecases/campaigns/summary.ts';
import { summaryXlsx } from '../../shared/usecases/campaigns/summary-xlsx.ts';
import { campaignDeps as deps, XLSX } from './deps.ts';

export const handler = apiHandler(getSummary, async ({ identity, params, query, now }) => {
  const summary = await campaignSummary(deps, identity, params.campaignId, query);
  if (query.format === 'json') return { status: 200, body: summary };
  const bytes = await summaryXlsx(summary, { unit: summary.unitName, filledOn: shanghaiDate(now) });
  return {
    status: 200,
    file: { bytes, contentType: XLSX, fileName: `入户排查情况汇总表-${summary.unitName}.xlsx` },
  };
});

/** GET /campaigns/{id}/rollbacks?code=[&format=xlsx] — the 附件5 table (XLSX in full, audited). */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getRollbackTable } from '../../shared/contracts/campaigns.ts';
import { shanghaiDate } from '../../shared/domain/shanghai-time.ts';
import {
  auditFullTable,
  maskedTable,
  rollbackTable,
} from '../../shared/usecases/campaigns/rollback-table.ts';
import { rollbackXlsx } from '../../shared/usecases/campaigns/rollback-xlsx.ts';
import { campaignDeps as deps, XLSX } from './deps.ts';

export const handler = apiHandler(getRollbackTable, async ({ identity, params, query, now, requestId }) => {
  const table = await rollbackTable(deps, identity, params.campaignId, query);
  if (query.format === 'json') return { status: 200, body: maskedTable(table) };
  await auditFullTable(deps, identity, table, now, requestId);
  const names = await deps.regionNames(identity.countyCode);
  const bytes = await rollbackXlsx(table, {
    filledOn: shanghaiDate(now),
    nameOf: (code) => names.get(code) ?? code,
  });
  return {
    status: 200,
    file: { bytes, contentType: XLSX, fileName: `监测对象回退清退情况统计表-${table.unitName}.xlsx` },
  };
});

/** GET /finance/reports?year=YYYY[&format=xlsx] — the finance office's report of a fund year. */
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getFinanceReport } from '../../shared/contracts/finance.ts';
import { financeReportOf, financeReportXlsx } from '../../shared/usecases/finance/reports.ts';
import { payoutDeps } from '../payouts/deps.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const handler = apiHandler(getFinanceReport, async ({ identity, query }) => {
  const report = await financeReportOf(payoutDeps, identity, query.year);
  if (query.format === 'json') return { status: 200, body: report };
  return {
    status: 200,
    file: {
      bytes: await financeReportXlsx(report),
      contentType: XLSX,
      fileName: `防贫保障基金报表-${query.year}.xlsx`,
    },
  };
});

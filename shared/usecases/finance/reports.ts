/**
 * The finance report of a fund year (`shared/domain/fund/report.ts`) in the caller's county, and
 * its XLSX export: one sheet per breakdown, amounts in yuan with two decimals.
 */
import type { Identity } from '../../auth/identity.ts';
import { fundIdOf } from '../../domain/fund/ledger.ts';
import { financeReport, type FinanceReport, type ReportRow } from '../../domain/fund/report.ts';
import ExcelJS from '../../intake/exceljs.ts';
import type { PayoutDeps } from '../payouts/ports.ts';
import { loadFund } from './funds.ts';

export interface ReportDeps extends PayoutDeps {
  /** Names of a county's regions by code. */
  readonly regionNames: (countyCode: string) => Promise<ReadonlyMap<string, string>>;
}

export const financeReportOf = async (
  deps: ReportDeps,
  identity: Identity,
  year: number,
): Promise<FinanceReport> => {
  const fund = await loadFund(deps, identity, fundIdOf(identity.countyCode, year));
  const [sums, entries, names] = await Promise.all([
    deps.funds.reportSums(fund.fundId),
    deps.funds.ledgerAll(fund.fundId),
    deps.regionNames(fund.countyCode),
  ]);
  return financeReport(fund, sums, entries, names);
};

const yuan = (fen: number) => Math.round(fen) / 100;

const addRows = (workbook: ExcelJS.Workbook, title: string, first: string, rows: readonly ReportRow[]) => {
  const sheet = workbook.addWorksheet(title);
  sheet.columns = [
    { header: first, key: 'label', width: 28 },
    { header: '户数', key: 'households', width: 10 },
    { header: '笔数', key: 'payouts', width: 10 },
    { header: '赔付金额（元）', key: 'paid', width: 16, style: { numFmt: '#,##0.00' } },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow({ label: r.label, households: r.households, payouts: r.payouts, paid: yuan(r.paidFen) });
};

export const financeReportXlsx = async (report: FinanceReport): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  addRows(workbook, '按类别', '类别', [...report.byCategory, report.total]);
  addRows(workbook, '按月份', '月份', report.byMonth);
  addRows(workbook, '按乡镇', '乡镇', report.byTown);
  addRows(workbook, '按农户类型', '农户类型', [...report.byHouseholdType, ...report.byHouseholdGroup]);
  const balance = workbook.addWorksheet('余额变化');
  balance.columns = [
    { header: '日期', key: 'date', width: 12 },
    { header: '累计注资（元）', key: 'deposits', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '预留（元）', key: 'reserved', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '累计拨付（元）', key: 'disbursed', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '可用余额（元）', key: 'available', width: 16, style: { numFmt: '#,##0.00' } },
  ];
  balance.getRow(1).font = { bold: true };
  for (const p of report.balanceOverTime)
    balance.addRow({
      date: p.date,
      deposits: yuan(p.depositsFen),
      reserved: yuan(p.reservedFen),
      disbursed: yuan(p.disbursedFen),
      available: yuan(p.availableFen),
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

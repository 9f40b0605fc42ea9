/**
 * Quality figures of a month (SPEC §3.4) for county staff, the auditor (the county) and the
 * insurer manager (its contract only), as JSON or an XLSX workbook.
 */
import type { Identity } from '../../auth/identity.ts';
import { shanghaiMidnight } from '../../domain/shanghai-time.ts';
import { qualityRows, type QualityRow } from '../../domain/verification/quality.ts';
import ExcelJS from '../../intake/exceljs.ts';
import type { VerificationDeps } from './ports.ts';

export const monthBounds = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${(y ?? 0) + 1}-01` : `${y}-${String((m ?? 0) + 1).padStart(2, '0')}`;
  return {
    fromIso: shanghaiMidnight(`${month}-01`).toISOString(),
    toIso: shanghaiMidnight(`${next}-01`).toISOString(),
  };
};

export const qualityOf = async (
  deps: Pick<VerificationDeps, 'verification'>,
  identity: Identity,
  month: string,
  now: Date,
) => {
  const { fromIso, toIso } = monthBounds(month);
  const until = now.toISOString() < toIso ? now.toISOString() : toIso;
  const [submitted, open] = await Promise.all([
    deps.verification.submittedBetween(identity.countyCode, fromIso, toIso),
    deps.verification.openTasksDueBefore(identity.countyCode, until),
  ]);
  const mine = <T extends { insurerContract: string }>(list: readonly T[]) =>
    identity.role === 'insurer_manager'
      ? list.filter((t) => t.insurerContract === identity.insurerContract)
      : list;
  const { adjusters, insurers } = qualityRows(
    mine(submitted),
    mine(open).filter((t) => t.deadline >= fromIso),
    now,
  );
  return { month, adjusters, insurers };
};

const HEADERS: readonly [keyof QualityRow, string, number][] = [
  ['insurerContract', '保险合同', 22],
  ['adjuster', '核查员', 16],
  ['verified', '完成核查', 10],
  ['sampled', '抽中', 8],
  ['reinspected', '已复核', 8],
  ['confirmed', '复核属实', 10],
  ['discrepancy', '复核不符', 10],
  ['discrepancyRate', '不符率', 10],
  ['overdue', '超期', 8],
];

export const qualityXlsx = async (quality: Awaited<ReturnType<typeof qualityOf>>): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheets: [string, QualityRow[]][] = [
    ['核查员', quality.adjusters],
    ['保险公司', quality.insurers.map((r) => ({ ...r, adjuster: '合计' }))],
  ];
  for (const [name, rows] of sheets) {
    const sheet = workbook.addWorksheet(`${quality.month} ${name}`);
    sheet.columns = HEADERS.map(([key, header, width]) => ({ key, header, width }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn('discrepancyRate').numFmt = '0.00%';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

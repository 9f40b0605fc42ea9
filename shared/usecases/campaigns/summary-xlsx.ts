/**
 * The 附件2 table (入户排查情况汇总表) as XLSX in the seed form's layout: title, 填报单位/填报时间,
 * three header rows (地区 | 排查总户数 | 排查数量: 一般农户/脱贫户/监测对象 | 新识别纳入监测户情况 |
 * 应标注风险消除监测对象情况 | 需回退、清退监测户情况, each 合计/脱贫不稳定户/边缘易致贫户/突发严重困难户
 * by 户数/人数 | 备注), one row per region, the total row, the form's note. 30 columns.
 */
import ExcelJS from '../../intake/exceljs.ts';
import { FINDING_GROUPS } from '../../domain/campaign/counters.ts';
import type { CampaignSummary, SummaryRow } from '../../domain/campaign/summary.ts';
import { CATEGORY_ZH, MONITORING_CATEGORIES } from '../../domain/monitoring/risk.ts';

export const SUMMARY_COLUMNS = 30;
export const SUMMARY_FIRST_DATA_ROW = 6;

const GROUP_ZH = {
  newlyIdentified: '新识别纳入监测户情况',
  toEliminate: '应标注风险消除监测对象情况',
  toRollBackOrRemove: '需回退、清退监测户情况',
} as const;

const CATEGORY_HEADERS = ['合计', ...MONITORING_CATEGORIES.map((c) => CATEGORY_ZH[c])];

/** The 30 cells of one row: 地区, 排查总户数, three types, 24 counts, 备注. */
export const summaryCells = (row: SummaryRow): (string | number)[] => [
  row.name,
  row.checked.total,
  row.checked.general,
  row.checked.lifted,
  row.checked.monitored,
  ...FINDING_GROUPS.flatMap((g) =>
    (['total', ...MONITORING_CATEGORIES] as const).flatMap((c) => [row[g][c].households, row[g][c].persons]),
  ),
  [row.unreachable ? `无法联系 ${row.unreachable} 户` : '', row.late ? `逾期录入 ${row.late} 户` : '']
    .filter(Boolean)
    .join('；'),
];

export const summaryXlsx = async (
  summary: CampaignSummary,
  meta: { unit: string; filledOn: string },
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('入户排查情况汇总表');
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;
  const put = (row: number, col: number, value: string | number, toRow = row, toCol = col) => {
    if (toRow !== row || toCol !== col) sheet.mergeCells(row, col, toRow, toCol);
    const cell = sheet.getCell(row, col);
    cell.value = value;
    cell.alignment = center;
  };
  put(1, 1, '入户排查情况汇总表', 1, SUMMARY_COLUMNS);
  sheet.getRow(1).font = { bold: true, size: 16 };
  sheet.mergeCells(2, 1, 2, 15);
  sheet.getCell(2, 1).value = `填报单位(盖章)：${meta.unit}`;
  sheet.mergeCells(2, 16, 2, SUMMARY_COLUMNS);
  sheet.getCell(2, 16).value = `填报时间：${meta.filledOn}`;

  put(3, 1, '地区', 5, 1);
  put(3, 2, '排查总户数', 5, 2);
  put(3, 3, '排查数量', 3, 5);
  put(4, 3, '一般农户(户)', 5, 3);
  put(4, 4, '脱贫户(户)', 5, 4);
  put(4, 5, '监测对象(户)', 5, 5);
  FINDING_GROUPS.forEach((group, g) => {
    const first = 6 + g * 8;
    put(3, first, GROUP_ZH[group], 3, first + 7);
    CATEGORY_HEADERS.forEach((label, c) => {
      put(4, first + c * 2, label, 4, first + c * 2 + 1);
      put(5, first + c * 2, '户数');
      put(5, first + c * 2 + 1, '人数');
    });
  });
  put(3, SUMMARY_COLUMNS, '备注', 5, SUMMARY_COLUMNS);
  [3, 4, 5].forEach((r) => (sheet.getRow(r).font = { bold: true }));

  [...summary.rows, summary.total].forEach((row, index) => {
    const excelRow = sheet.getRow(SUMMARY_FIRST_DATA_ROW + index);
    excelRow.values = summaryCells(row);
    if (row === summary.total) excelRow.font = { bold: true };
  });
  const noteRow = SUMMARY_FIRST_DATA_ROW + summary.rows.length + 1;
  sheet.mergeCells(noteRow, 1, noteRow, SUMMARY_COLUMNS);
  sheet.getCell(noteRow, 1).value =
    '备注：脱贫户只统计未纳入监测对象的脱贫户，已消除风险的脱贫不稳定户计入监测对象';
  sheet.getColumn(1).width = 18;
  sheet.getColumn(SUMMARY_COLUMNS).width = 24;
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

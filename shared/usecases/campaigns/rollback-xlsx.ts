/**
 * The 附件5 table as XLSX in the seed form's layout: title 监测对象回退、清退情况统计表, 填报单位/填报时间,
 * the header row (序号, 县市区, 镇（新区）, 村, 户主姓名, 户主证件号码, 识别纳入人数, 纳入监测时间,
 * 风险类型, 回退清退情况, 原因详情), one row per line, then the totals (回退 n 户 m 人；清退 …).
 */
import ExcelJS from '../../intake/exceljs.ts';
import type { RollbackTable } from './rollback-table.ts';

export const ROLLBACK_HEADERS = [
  '序号',
  '县市区',
  '镇（新区）',
  '村',
  '户主姓名',
  '户主证件号码',
  '识别纳入人数',
  '纳入监测时间',
  '风险类型',
  '回退清退情况',
  '原因详情',
] as const;
export const ROLLBACK_HEADER_ROW = 3;

export const rollbackXlsx = async (
  table: RollbackTable,
  meta: { filledOn: string; nameOf: (code: string) => string },
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('回退清退情况统计表');
  const width = ROLLBACK_HEADERS.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = '监测对象回退、清退情况统计表';
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getRow(1).font = { bold: true, size: 16 };
  sheet.mergeCells(2, 1, 2, 6);
  sheet.getCell(2, 1).value = `填报单位(盖章)：${table.unitName}`;
  sheet.mergeCells(2, 7, 2, width);
  sheet.getCell(2, 7).value = `填报时间：${meta.filledOn}`;
  const header = sheet.getRow(ROLLBACK_HEADER_ROW);
  header.values = [...ROLLBACK_HEADERS];
  header.font = { bold: true };
  sheet.getColumn(6).numFmt = '@';
  table.lines.forEach((line, index) => {
    sheet.getRow(ROLLBACK_HEADER_ROW + 1 + index).values = [
      index + 1,
      meta.nameOf(line.countyCode),
      meta.nameOf(line.townCode),
      meta.nameOf(line.villageCode),
      line.headName,
      line.headIdNumber,
      line.persons,
      line.monitoredSince,
      line.risks.join('、'),
      line.kindZh,
      line.reason,
    ];
  });
  const totalRow = ROLLBACK_HEADER_ROW + 1 + table.lines.length;
  sheet.mergeCells(totalRow, 1, totalRow, width);
  const { rollback, removal } = table.totals;
  sheet.getCell(totalRow, 1).value =
    `合计：回退 ${rollback.households} 户 ${rollback.persons} 人；清退 ${removal.households} 户 ${removal.persons} 人`;
  [6, 9, 11].forEach((c) => (sheet.getColumn(c).width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

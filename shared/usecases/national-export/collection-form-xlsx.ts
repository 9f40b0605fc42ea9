/**
 * The A1–A55 rows as XLSX: row 1 the field codes (A1…A55, then the place columns), row 2 their
 * zh-CN labels, one row per member from row 3; every cell text (IDs and amounts stay exact).
 */
import ExcelJS from '../../intake/exceljs.ts';
import { COLLECTION_COLUMNS } from '../../domain/national-export/collection-form.ts';

export const COLLECTION_FIRST_DATA_ROW = 3;

export const collectionFormXlsx = async (rows: readonly string[][]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('防止返贫监测对象信息采集表');
  sheet.columns = COLLECTION_COLUMNS.map((c) => ({ key: c.code, width: 14, style: { numFmt: '@' } }));
  sheet.getRow(1).values = COLLECTION_COLUMNS.map((c) => c.code);
  sheet.getRow(2).values = COLLECTION_COLUMNS.map((c) => c.label);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  rows.forEach((cells, index) => (sheet.getRow(COLLECTION_FIRST_DATA_ROW + index).values = cells));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

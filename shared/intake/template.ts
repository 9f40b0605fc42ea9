/**
 * The file template departments download: the Chinese headers and one valid example row, as
 * CSV (UTF-8 with BOM, so Excel opens it) and XLSX (bold header, widths, text-formatted ID and
 * code columns, drop-down lists for 事件类别 / 灾害类型 / 学段).
 */
import type ExcelJS from './exceljs.ts';
import { checkDigit } from '../domain/resident-id.ts';
import { FUND_CATEGORY_ZH } from '../domain/fund-case.ts';
import {
  COLUMN_HEADERS,
  DISASTER_KIND_ZH,
  REFERRAL_FIELDS,
  SCHOOL_LEVEL_ZH,
  type ReferralField,
} from './columns.ts';
import { csvLine, UTF8_BOM } from './csv-cell.ts';

export const TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export const TEMPLATE_FILE = {
  xlsx: {
    fileName: '防贫保部门推送模板.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  csv: { fileName: '防贫保部门推送模板.csv', contentType: 'text/csv; charset=utf-8' },
} as const;

const EXAMPLE_ID_FIRST17 = '42070219800101001';

/** The example row: a valid resident ID (check digit computed) in the demo county's 太和村. */
export const TEMPLATE_EXAMPLE: Readonly<Record<ReferralField, string>> = {
  residentId: `${EXAMPLE_ID_FIRST17}${checkDigit(EXAMPLE_ID_FIRST17)}`,
  name: '张三',
  villageCode: '420702100201',
  category: '因病',
  disasterKind: '',
  schoolLevel: '',
  amount: '12345.60',
  eventDate: '2026-01-15',
  sourceRef: 'YB-2026-000001',
  perCapitaIncome: '8600',
  note: '示例行，填写前请删除',
};

const HEADERS = REFERRAL_FIELDS.map((f) => COLUMN_HEADERS[f]);

export const templateCsv = (): Buffer =>
  Buffer.from(UTF8_BOM + csvLine(HEADERS) + csvLine(REFERRAL_FIELDS.map((f) => TEMPLATE_EXAMPLE[f])), 'utf8');

const WIDTHS: Readonly<Record<ReferralField, number>> = {
  residentId: 22,
  name: 10,
  villageCode: 16,
  category: 10,
  disasterKind: 12,
  schoolLevel: 8,
  amount: 12,
  eventDate: 12,
  sourceRef: 18,
  perCapitaIncome: 22,
  note: 24,
};

const LISTS: Partial<Record<ReferralField, readonly string[]>> = {
  category: Object.values(FUND_CATEGORY_ZH),
  disasterKind: Object.values(DISASTER_KIND_ZH),
  schoolLevel: Object.values(SCHOOL_LEVEL_ZH),
};

/** Rows that get the drop-down lists. */
const LIST_ROWS = 1000;
const TEXT_COLUMNS: readonly ReferralField[] = ['residentId', 'villageCode', 'sourceRef', 'eventDate'];

/**
 * exceljs keeps range validations in `worksheet.dataValidations` (untyped in its d.ts); setting
 * them per cell instead makes it write overlapping ranges.
 */
const dataValidationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;

export const templateXlsx = async (): Promise<Buffer> => {
  // Loaded when a workbook is built: the intake reads this module for the example row only.
  const { default: Excel } = await import('./exceljs.ts');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('部门推送');
  sheet.columns = REFERRAL_FIELDS.map((field) => ({
    header: COLUMN_HEADERS[field],
    key: field,
    width: WIDTHS[field],
    style: TEXT_COLUMNS.includes(field) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRow({ ...TEMPLATE_EXAMPLE, amount: 12345.6, perCapitaIncome: 8600 });
  const validations = dataValidationsOf(sheet);
  REFERRAL_FIELDS.forEach((field, index) => {
    const list = LISTS[field];
    if (!list) return;
    const letter = String.fromCharCode('A'.charCodeAt(0) + index);
    validations.add(`${letter}2:${letter}${LIST_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: COLUMN_HEADERS[field],
      error: `请从下拉列表中选择：${list.join('、')}`,
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const templateFile = async (format: TemplateFormat) => ({
  ...TEMPLATE_FILE[format],
  bytes: format === 'xlsx' ? await templateXlsx() : templateCsv(),
});

/**
 * The kept lists as XLSX: title, unit and period, the header row, one row per entry. Names and IDs
 * are as the list keeps them — masked — so the download needs no personal-data audit.
 */
import ExcelJS from '../../intake/exceljs.ts';
import { EFFECT_LABELS, TREND_LABELS, type AssessmentEntry } from '../../domain/cadence/assessment.ts';
import {
  COMPARISON_LIST_ZH,
  HOUSEHOLD_TYPE_ZH,
  type ComparisonEntry,
} from '../../domain/cadence/comparison.ts';
import { FUND_CATEGORY_ZH } from '../../domain/fund-case.ts';
import { yuanDecimal } from '../../domain/money.ts';
import { MONITORING_STATUS_ZH } from '../../domain/monitoring/household-monitoring.ts';
import { CATEGORY_ZH, RISK_ZH } from '../../domain/monitoring/risk.ts';
import { shanghaiDate } from '../../domain/shanghai-time.ts';
import type { HeaderView } from './read-lists.ts';

export const COMPARISON_HEADERS = [
  '序号',
  '清单',
  '乡镇',
  '村',
  '姓名',
  '证件号码',
  '户主',
  '家庭类型',
  '推送部门',
  '事件类别',
  '事件日期',
  '金额（元）',
  '收入月份',
  '人均纯收入（元）',
  '监测线（元）',
  '列入原因',
] as const;

export const ASSESSMENT_HEADERS = [
  '序号',
  '乡镇',
  '村',
  '户主',
  '季末状态',
  '监测类别',
  '风险类型',
  '帮扶措施',
  '帮扶成效',
  '评估说明',
  '期初收入月份',
  '期初人均纯收入（元）',
  '最新收入月份',
  '最新人均纯收入（元）',
  '变化（元）',
  '收入趋势',
  '提示',
] as const;

export const HEADER_ROW = 3;

interface Meta {
  readonly unitName: string;
  readonly nameOf: (code: string) => string;
}

const money = (fen: number | undefined) => (fen === undefined ? '' : yuanDecimal(fen));

const sheetWith = (
  title: string,
  headers: readonly string[],
  header: HeaderView,
  meta: Meta,
  rows: readonly (readonly (string | number)[])[],
) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${title}（${header.period}）`;
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getRow(1).font = { bold: true, size: 16 };
  sheet.getCell(2, 1).value =
    `单位：${meta.unitName}，生成时间：${shanghaiDate(new Date(header.generatedAt))}，共 ${rows.length} 条` +
    (header.notes.length > 0 ? `，说明：${header.notes.join('；')}` : '');
  const head = sheet.getRow(HEADER_ROW);
  head.values = [...headers];
  head.font = { bold: true };
  rows.forEach((values, index) => {
    sheet.getRow(HEADER_ROW + 1 + index).values = [index + 1, ...values];
  });
  return workbook;
};

export const comparisonXlsx = async (
  header: HeaderView,
  entries: readonly ComparisonEntry[],
  meta: Meta,
): Promise<Buffer> => {
  const rows = entries.map((e) => [
    COMPARISON_LIST_ZH[e.list],
    meta.nameOf(e.townCode),
    meta.nameOf(e.villageCode),
    e.personName ?? '',
    e.residentId ?? '',
    e.headName ?? '',
    e.householdType ? HOUSEHOLD_TYPE_ZH[e.householdType] : '',
    (e.departments ?? []).join('、'),
    e.category ? FUND_CATEGORY_ZH[e.category] : '',
    e.eventDate ?? '',
    money(e.amountFen),
    e.incomeMonth ?? '',
    money(e.a34PerCapitaFen),
    money(e.monitoringLineFen),
    e.reasons.join('；'),
  ]);
  const workbook = sheetWith('数据比对清单', COMPARISON_HEADERS, header, meta, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const assessmentXlsx = async (
  header: HeaderView,
  entries: readonly AssessmentEntry[],
  meta: Meta,
): Promise<Buffer> => {
  const rows = entries.map((e) => [
    meta.nameOf(e.townCode),
    meta.nameOf(e.villageCode),
    e.headName,
    e.statusAtQuarterEnd === 'eliminated' ? MONITORING_STATUS_ZH.eliminated : MONITORING_STATUS_ZH.monitored,
    CATEGORY_ZH[e.category],
    e.risks.map((r) => RISK_ZH[r]).join('、'),
    e.measures.map((m) => `${m.field} ${m.label}`).join('；'),
    EFFECT_LABELS[e.effect],
    e.assessmentNote ?? '',
    e.income.fromMonth ?? '',
    money(e.income.fromA34Fen),
    e.income.toMonth ?? '',
    money(e.income.toA34Fen),
    money(e.income.changeFen),
    TREND_LABELS[e.income.trend],
    e.flags.join('；'),
  ]);
  const workbook = sheetWith('帮扶成效评估清单', ASSESSMENT_HEADERS, header, meta, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

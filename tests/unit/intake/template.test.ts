import { Readable } from 'node:stream';
import ExcelJS from '../../../shared/intake/exceljs.ts';
import { describe, expect, it } from 'vitest';
import { templateCsv, templateXlsx, TEMPLATE_EXAMPLE } from '../../../shared/intake/template.ts';
import { readReferralFile, type ParsedRow } from '../../../shared/intake/read-referral-file.ts';
import { rowFromValues } from '../../../shared/intake/row-from-values.ts';
import { residentIdProblem } from '../../../shared/domain/resident-id.ts';

const rowsOf = async (bytes: Buffer): Promise<ParsedRow[]> => {
  const rows: ParsedRow[] = [];
  for await (const row of readReferralFile(Readable.from([bytes]), { maxBytes: 1024 * 1024 })) rows.push(row);
  return rows;
};

describe('templates', () => {
  it('has a valid example resident ID', () => {
    expect(TEMPLATE_EXAMPLE.residentId).toBe('420702198001010012');
    expect(residentIdProblem(TEMPLATE_EXAMPLE.residentId)).toBeUndefined();
  });

  it('CSV and XLSX read back to the same valid row', async () => {
    const fromCsv = await rowsOf(templateCsv());
    const fromXlsx = await rowsOf(await templateXlsx());
    const csvRow = rowFromValues(fromCsv[0]?.values ?? {});
    expect(csvRow.ok).toBe(true);
    expect(rowFromValues(fromXlsx[0]?.values ?? {})).toEqual(csvRow);
  });

  it('XLSX: bold header, text ID column, drop-down lists', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('部门推送');
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.getCell('A2').value).toBe('420702198001010012');
    expect(sheet?.getColumn(1).numFmt).toBe('@');
    expect(sheet?.getCell('D500').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"因病,因灾,因学"'],
    });
    expect(sheet?.getCell('F2').dataValidation?.formulae).toEqual([
      '"学前,小学,初中,高中,中职,高职,本科,研究生"',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  rowErrorsCsv,
  rowErrorsCsvStream,
  type RejectedRow,
} from '../../../shared/intake/row-errors-file.ts';
import { csvCell } from '../../../shared/intake/csv-cell.ts';

const REJECTED: RejectedRow[] = [
  {
    rowNumber: 3,
    field: '金额（元）',
    message: '金额最多两位小数',
    values: { name: '张三', amount: '12.345' },
  },
  { rowNumber: 7, field: '身份证号', message: '身份证号码校验位不正确' },
];

const HEADER =
  '行号,列,原因,身份证号,姓名,村级区划代码,事件类别,灾害类型,学段,金额（元）,事件日期,来源编号,家庭年人均纯收入（元）,备注';

async function* slowly(rows: RejectedRow[]): AsyncGenerator<RejectedRow> {
  for (const row of rows) yield await Promise.resolve(row);
}

describe('rowErrorsCsv', () => {
  it('writes UTF-8 with BOM: row number, column, reason, then the original values', async () => {
    const bytes = await rowErrorsCsv(REJECTED);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      HEADER,
      '3,金额（元）,金额最多两位小数,,张三,,,,,12.345,,,,',
      '7,身份证号,身份证号码校验位不正确,,,,,,,,,,,',
      '',
    ]);
  });

  it('streams from an async iterable', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of rowErrorsCsvStream(slowly(REJECTED))) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(await rowErrorsCsv(REJECTED));
  });
});

describe('csvCell', () => {
  it('quotes what needs quoting and defuses formulas, leaving negative numbers alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(csvCell(undefined)).toBe('');
  });
});

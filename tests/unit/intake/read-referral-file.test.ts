import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../shared/intake/exceljs.ts';
import {
  FileRefused,
  inspectReferralFile,
  readReferralFile,
  type ParsedRow,
} from '../../../shared/intake/read-referral-file.ts';
import { ValidationFailed } from '../../../shared/http/errors.ts';
import {
  chunked,
  csvText,
  gbk,
  GOOD_ROWS,
  HEADER,
  ID_A,
  ID_B,
  utf8Bom,
  xlsxOf,
} from '../../fixtures/intake/files.ts';

const MB = 1024 * 1024;

const readAll = async (bytes: Buffer | Readable, maxBytes = MB): Promise<ParsedRow[]> => {
  const rows: ParsedRow[] = [];
  const source = bytes instanceof Readable ? bytes : Readable.from([bytes]);
  for await (const row of readReferralFile(source, { maxBytes })) rows.push(row);
  return rows;
};

const refusal = async (bytes: Buffer, maxBytes = MB): Promise<string> => {
  try {
    await readAll(bytes, maxBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefused);
    expect(error).toBeInstanceOf(ValidationFailed);
    const refused = error as FileRefused;
    expect(refused.issues).toEqual([{ path: 'file', message: refused.message }]);
    return refused.message;
  }
  throw new Error('the file was not refused');
};

const FIRST_ROW_VALUES = {
  residentId: ID_A,
  name: '张三',
  villageCode: '420702100201',
  category: '因病',
  amount: '12,345.60',
  eventDate: '2026-03-01',
  sourceRef: 'YB-001',
  perCapitaIncome: '8600',
};

describe('readReferralFile: CSV', () => {
  it('reads UTF-8 without BOM, numbering rows as Excel does', async () => {
    const rows = await readAll(Buffer.from(csvText(GOOD_ROWS)));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(rows[0]?.values).toEqual(FIRST_ROW_VALUES);
    expect(rows[1]?.values.note).toBe('房屋受损');
  });

  it('reads UTF-8 with BOM, and GBK as Chinese Excel saves it, even cut into 7-byte chunks', async () => {
    const text = csvText(GOOD_ROWS);
    const seen: string[] = [];
    for (const bytes of [utf8Bom(text), gbk(text)]) {
      const rows: ParsedRow[] = [];
      for await (const row of readReferralFile(chunked(bytes), {
        maxBytes: MB,
        onFormat: (format, encoding) => seen.push(`${format}/${encoding ?? ''}`),
      }))
        rows.push(row);
      expect(rows.map((r) => r.values.name)).toEqual(['张三', '李四', '王小五']);
      expect(rows[0]?.values).toEqual(FIRST_ROW_VALUES);
    }
    expect(seen).toEqual(['csv/utf-8', 'csv/gb18030']);
  });

  it('handles quotes, embedded commas and newlines, CRLF, and skips blank lines keeping the count', async () => {
    const text =
      `${HEADER.join(',')}\r\n` +
      `${ID_A},"张,三",420702100201,因病,,,"1,000",2026-03-01,"A""1",,"第一行\r\n第二行"\r\n` +
      `\r\n,,,,,\r\n` +
      `${ID_B},李四,420702100202,因病,,,20,2026-03-01,B1,,\r\n`;
    const rows = await readAll(Buffer.from(text));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5]);
    expect(rows[0]?.values).toMatchObject({
      name: '张,三',
      amount: '1,000',
      sourceRef: 'A"1',
      note: '第一行\r\n第二行',
    });
  });

  it('reads every row of a file mixing CRLF and LF line ends', async () => {
    const text =
      `${HEADER.join(',')}\r\n` +
      `${ID_A},张三,420702100201,因病,,,20,2026-03-01,A1,,\n` +
      `${ID_B},李四,420702100202,因病,,,30,2026-03-02,B1,,"第一行\n第二行"\r\n` +
      `${ID_A},王五,420702100201,因病,,,40,2026-03-03,C1,,\n`;
    const rows = await readAll(Buffer.from(text));
    expect(rows.map((r) => [r.rowNumber, r.values.name, r.values.sourceRef])).toEqual([
      [2, '张三', 'A1'],
      [3, '李四', 'B1'],
      [4, '王五', 'C1'],
    ]);
    expect(rows[1]?.values.note).toBe('第一行\n第二行');
  });

  it('accepts headers in any order, with spaces and half-width parentheses, and ignores extra columns', async () => {
    const header = [
      '序号',
      ' 姓名 ',
      '身份证号',
      '金额(元)',
      '事件类别',
      '村级区划代码',
      '事件日期',
      '来源编号',
      '学段',
      '灾害类型',
    ];
    const text = csvText(
      [['1', '张三', ID_A, '88', '因病', '420702100201', '2026-03-01', 'S1', '', '']],
      header,
    );
    const rows = await readAll(Buffer.from(text));
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: {
          name: '张三',
          residentId: ID_A,
          amount: '88',
          category: '因病',
          villageCode: '420702100201',
          eventDate: '2026-03-01',
          sourceRef: 'S1',
        },
      },
    ]);
  });
});

describe('readReferralFile: XLSX', () => {
  it('reads the first worksheet with numbers and dates as exceljs gives them', async () => {
    const date = new Date(Date.UTC(2026, 2, 1));
    const bytes = await xlsxOf([
      [ID_A, '张三', '420702100201', '因病', null, null, 12345.6, date, 'YB-001', 8600, null],
      [],
      [ID_B, '李四', 420702100202, '因灾', '洪涝灾害', null, '5000', '2026/3/2', 'YJ-001', null, '房屋受损'],
    ]);
    const rows = await readAll(chunked(bytes, 1000));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(rows[0]?.values).toEqual({
      residentId: ID_A,
      name: '张三',
      villageCode: '420702100201',
      category: '因病',
      amount: 12345.6,
      eventDate: date,
      sourceRef: 'YB-001',
      perCapitaIncome: 8600,
    });
    expect(rows[1]?.values.villageCode).toBe(420702100202);
  });

  it('refuses a zip without a worksheet', async () => {
    const empty = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    expect(await refusal(empty)).toBe('不是 CSV 或 XLSX 文件（其中没有 Excel 工作表）');
  });

  it('refuses a corrupt zip', async () => {
    const bytes = await xlsxOf(GOOD_ROWS);
    expect(await refusal(bytes.subarray(0, 200))).toMatch(/XLSX/);
  });
});

describe('readReferralFile: refused files', () => {
  it('refuses a PDF, a PNG, an executable and a legacy .xls', async () => {
    const files = [
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    ];
    for (const bytes of files) expect(await refusal(bytes)).toBe('不是 CSV 或 XLSX 文件');
  });

  it('closes the source of a refused file', async () => {
    const source = Readable.from(
      Array.from({ length: 200 }, (_, i) =>
        Buffer.from(i === 0 ? '%PDF-1.4'.padEnd(1024) : 'x'.repeat(1024)),
      ),
    );
    await expect(readReferralFile(source, { maxBytes: MB }).next()).rejects.toThrow('不是 CSV 或 XLSX 文件');
    expect(source.destroyed).toBe(true);
  });

  it('refuses an empty file, a file of blank lines, and a header without data', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('文件为空：没有表头');
    expect(await refusal(Buffer.from('\r\n,,,\r\n'))).toBe('文件为空：没有表头');
    expect(await refusal(Buffer.from(csvText([])))).toBe('文件中没有数据行');
    expect(await refusal(await xlsxOf([]))).toBe('文件中没有数据行');
  });

  it('names the missing columns, before any row is yielded', async () => {
    const header = HEADER.filter((h) => h !== '金额（元）' && h !== '来源编号');
    const rows = readReferralFile(Readable.from([Buffer.from(csvText([GOOD_ROWS[0] ?? []], header))]), {
      maxBytes: MB,
    });
    await expect(rows.next()).rejects.toThrow('缺少必需的列：金额（元）、来源编号');
    expect(await refusal(await xlsxOf([], ['姓名']))).toBe(
      '缺少必需的列：身份证号、村级区划代码、事件类别、灾害类型、学段、金额（元）、事件日期、来源编号',
    );
  });

  it('refuses a column given twice', async () => {
    expect(await refusal(Buffer.from(csvText([GOOD_ROWS[0] ?? []], [...HEADER, '姓名'])))).toBe(
      '列重复：姓名',
    );
  });

  it('refuses a file over the limit while streaming, or at once when the size is known', async () => {
    const bytes = Buffer.from(csvText(GOOD_ROWS));
    expect(await refusal(bytes, bytes.length - 1)).toBe(`文件超过大小上限（${bytes.length - 1} 字节）`);
    expect(await readAll(bytes, bytes.length)).toHaveLength(3);
    const known = readReferralFile(Readable.from([bytes]), { maxBytes: 10 * MB, sizeBytes: 11 * MB });
    await expect(known.next()).rejects.toThrow('文件超过大小上限（10 MB）');
  });
});

describe('inspectReferralFile', () => {
  it('tells format, encoding and columns present', async () => {
    const header = HEADER.filter((h) => h !== '备注');
    const result = await inspectReferralFile(Readable.from([gbk(csvText(GOOD_ROWS, header))]), {
      maxBytes: MB,
    });
    expect(result).toEqual({
      format: 'csv',
      encoding: 'gb18030',
      fields: [
        'residentId',
        'name',
        'villageCode',
        'category',
        'disasterKind',
        'schoolLevel',
        'amount',
        'eventDate',
        'sourceRef',
        'perCapitaIncome',
      ],
    });
  });
});

describe('readReferralFile: XLSX text across chunk boundaries', () => {
  it('reads every Chinese character intact (exceljs decodes chunk by chunk)', async () => {
    const note = '防贫保因病致贫返贫风险监测'.repeat(8);
    const rows = Array.from({ length: 4000 }, (_, i) => [
      ID_A,
      `张${i}`,
      '420702100201',
      '因病',
      null,
      null,
      100,
      '2026-03-01',
      `S${i}`,
      null,
      `${i}${note}`,
    ]);
    const read = await readAll(await xlsxOf(rows), 50 * MB);
    expect(read).toHaveLength(4000);
    const damaged = read.filter((r, i) => r.values.note !== `${i}${note}` || r.values.category !== '因病');
    expect(damaged.map((r) => r.rowNumber)).toEqual([]);
  });
});

describe('readReferralFile: XLSX over the limit', () => {
  it('refuses while streaming when the size is not known up front', async () => {
    const bytes = await xlsxOf(GOOD_ROWS);
    expect(await refusal(bytes, bytes.length - 100)).toBe(`文件超过大小上限（${bytes.length - 100} 字节）`);
    const many = await xlsxOf(Array.from({ length: 3000 }, () => GOOD_ROWS[0] ?? []));
    const half = Math.floor(many.length / 2);
    expect(await refusal(many, half)).toBe(`文件超过大小上限（${half} 字节）`);
  });
});

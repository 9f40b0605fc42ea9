/**
 * Generated referral files for tests and the benchmark: deterministic rows (seeded) with valid
 * resident IDs in the demo county's villages, optional bad rows and duplicates, written as
 * CSV (UTF-8 with BOM, or GB18030 as Chinese Excel saves it) or XLSX — all streaming, so
 * 100,000 rows are never one string in memory.
 *
 *   node --import tsx bench/generate-referral-file.ts <rows> <out.csv|out.xlsx> [utf8|gb18030]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from '../shared/intake/exceljs.ts';
import iconv from 'iconv-lite';
import { checkDigit } from '../shared/domain/resident-id.ts';
import { COLUMN_HEADERS, REFERRAL_FIELDS, type ReferralField } from '../shared/intake/columns.ts';
import { csvLine, UTF8_BOM } from '../shared/intake/csv-cell.ts';

/** One file row as a department writes it (text cells, amounts in yuan, zh-CN labels). */
export type GeneratedRow = Readonly<Record<ReferralField, string>>;

export const DEMO_VILLAGES = [
  '420702100201',
  '420702100202',
  '420702101201',
  '420702101202',
  '420702102201',
] as const;

export type GeneratedDepartment =
  'medical_insurance' | 'civil_affairs' | 'emergency_management' | 'education';

export interface GenerateOptions {
  /** Same seed, same rows. */
  readonly seed?: number;
  /** Sets the category: medical → 因病, civil/emergency → 因灾, education → 因学. */
  readonly department?: GeneratedDepartment;
  /** Person numbering starts here: two departments with overlapping ranges report the same people. */
  readonly personOffset?: number;
  /** Event dates fall in this month (`YYYY-MM`). */
  readonly month?: string;
  readonly villages?: readonly string[];
  /** Every n-th row (n, 2n, …) is bad in one of several ways (cycling). */
  readonly badEvery?: number;
  /** Every n-th row repeats the event of the row before it (same person, category, date, source). */
  readonly duplicateEvery?: number;
  readonly sourcePrefix?: string;
}

/** mulberry32: small, fast, deterministic. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const DAY_MS = 86_400_000;
const BIRTH_START = Date.UTC(1955, 0, 1);
const BIRTH_DAYS = 18_000;

/** A valid resident ID of the demo county, distinct for each person number below 18,000,000. */
export const residentIdForPerson = (person: number): string => {
  const birth = new Date(BIRTH_START + (person % BIRTH_DAYS) * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const first17 = `420702${birth}${String(Math.floor(person / BIRTH_DAYS) % 1000).padStart(3, '0')}`;
  return `${first17}${checkDigit(first17)}`;
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const DISASTERS = ['洪涝灾害', '地质灾害', '旱灾', '生物灾害', '气象灾害', '地震灾害', '其他'];
const LEVELS = ['学前', '小学', '初中', '高中', '中职', '高职', '本科', '研究生'];
const CATEGORY_OF: Record<GeneratedDepartment, string> = {
  medical_insurance: '因病',
  civil_affairs: '因灾',
  emergency_management: '因灾',
  education: '因学',
};
const PREFIX_OF: Record<GeneratedDepartment, string> = {
  medical_insurance: 'YB',
  civil_affairs: 'MZ',
  emergency_management: 'YJ',
  education: 'JY',
};

/** The ways a generated bad row is bad, in the order they cycle. */
export const BAD_ROW_KINDS = [
  'check_digit',
  'three_decimals',
  'missing_name',
  'impossible_date',
  'unknown_category',
  'negative_amount',
] as const;

const spoil = (row: GeneratedRow, kind: (typeof BAD_ROW_KINDS)[number]): GeneratedRow => {
  switch (kind) {
    case 'check_digit':
      return {
        ...row,
        residentId: `${row.residentId.slice(0, 17)}${row.residentId.endsWith('0') ? '1' : '0'}`,
      };
    case 'three_decimals':
      return { ...row, amount: '1234.567' };
    case 'missing_name':
      return { ...row, name: '' };
    case 'impossible_date':
      return { ...row, eventDate: `${row.eventDate.slice(0, 7)}-32` };
    case 'unknown_category':
      return { ...row, category: '因故' };
    case 'negative_amount':
      return { ...row, amount: '-100' };
  }
};

const pick = <T>(items: readonly T[], r: number): T =>
  items[Math.floor(r * items.length) % items.length] as T;

/** Rows one at a time (a generator: nothing accumulates). */
export function* generateReferralRows(n: number, options: GenerateOptions = {}): Generator<GeneratedRow> {
  const next = random(options.seed ?? 1);
  const department = options.department ?? 'medical_insurance';
  const category = CATEGORY_OF[department];
  const villages = options.villages ?? DEMO_VILLAGES;
  const [year, month] = (options.month ?? '2026-03').split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(year ?? 2026, month ?? 3, 0)).getUTCDate();
  const prefix = options.sourcePrefix ?? PREFIX_OF[department];
  let previous: GeneratedRow | undefined;
  let badCount = 0;
  for (let i = 1; i <= n; i += 1) {
    const person = (options.personOffset ?? 0) + i;
    const day = String(1 + Math.floor(next() * daysInMonth)).padStart(2, '0');
    let row: GeneratedRow = {
      residentId: residentIdForPerson(person),
      name: `${pick([...SURNAMES], next())}${pick([...GIVEN], next())}${next() < 0.5 ? pick([...GIVEN], next()) : ''}`,
      villageCode: pick(villages, next()),
      category,
      disasterKind: category === '因灾' ? pick(DISASTERS, next()) : '',
      schoolLevel: category === '因学' ? pick(LEVELS, next()) : '',
      amount: (Math.floor(next() * 8_000_000) / 100 + 1000).toFixed(2),
      eventDate: `${options.month ?? '2026-03'}-${day}`,
      sourceRef: `${prefix}-${String(i).padStart(7, '0')}`,
      perCapitaIncome: next() < 0.7 ? String(3000 + Math.floor(next() * 20000)) : '',
      note: next() < 0.1 ? '住院, 转诊 "省级"' : '',
    };
    if (options.duplicateEvery && previous && i % options.duplicateEvery === 0) row = previous;
    else if (options.badEvery && i % options.badEvery === 0) {
      row = spoil(row, BAD_ROW_KINDS[badCount % BAD_ROW_KINDS.length] ?? 'check_digit');
      badCount += 1;
    }
    previous = row;
    yield row;
  }
}

const HEADERS = REFERRAL_FIELDS.map((f) => COLUMN_HEADERS[f]);

const write = async (out: Writable, bytes: Buffer): Promise<void> => {
  if (!out.write(bytes)) await once(out, 'drain');
};

/** Writes a CSV with backpressure: UTF-8 (with BOM) or GB18030 (no BOM, as Excel's "CSV"). */
export const writeCsv = async (
  target: string | Writable,
  rows: Iterable<GeneratedRow> | AsyncIterable<GeneratedRow>,
  encoding: 'utf8' | 'gb18030' = 'utf8',
): Promise<void> => {
  const out = typeof target === 'string' ? createWriteStream(target) : target;
  const encode = (text: string): Buffer =>
    encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
  await write(out, encode((encoding === 'utf8' ? UTF8_BOM : '') + csvLine(HEADERS)));
  let batch = '';
  let inBatch = 0;
  for await (const row of rows) {
    batch += csvLine(REFERRAL_FIELDS.map((f) => row[f]));
    inBatch += 1;
    if (inBatch === 500) {
      await write(out, encode(batch));
      batch = '';
      inBatch = 0;
    }
  }
  if (batch) await write(out, encode(batch));
  if (typeof target === 'string') {
    out.end();
    await finished(out);
  }
};

/**
 * Writes an XLSX with exceljs' streaming writer; amounts as numbers and dates as dates, as a
 * department's Excel would hold them.
 */
export const writeXlsx = async (
  path: string,
  rows: Iterable<GeneratedRow> | AsyncIterable<GeneratedRow>,
): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('部门推送');
  sheet.addRow(HEADERS).commit();
  for await (const row of rows) {
    const amount = Number(row.amount);
    const date = /^\d{4}-\d{2}-\d{2}$/.exec(row.eventDate)
      ? new Date(`${row.eventDate}T00:00:00Z`)
      : undefined;
    const cells = REFERRAL_FIELDS.map((f) => {
      if (f === 'amount' && /^\d+(\.\d{1,2})?$/.test(row.amount)) return amount;
      if (f === 'eventDate' && date && !Number.isNaN(date.getTime())) return date;
      return row[f] === '' ? null : row[f];
    });
    const written = sheet.addRow(cells);
    const dateCell = written.getCell(REFERRAL_FIELDS.indexOf('eventDate') + 1);
    if (dateCell.value instanceof Date) dateCell.numFmt = 'yyyy-mm-dd';
    written.commit();
  }
  sheet.commit();
  await workbook.commit();
};

const main = async (): Promise<void> => {
  const [count = '1000', out = 'referrals.csv', encoding = 'utf8'] = process.argv.slice(2);
  const rows = generateReferralRows(Number(count), { seed: 1 });
  if (out.endsWith('.xlsx')) await writeXlsx(out, rows);
  else await writeCsv(out, rows, encoding === 'gb18030' ? 'gb18030' : 'utf8');
  process.stdout.write(`wrote ${count} rows to ${out}\n`);
};

if (import.meta.url === `file://${process.argv[1]}`) await main();

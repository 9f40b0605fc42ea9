/**
 * A file row (cells keyed by field, amounts in yuan, zh-CN labels) → the shared `ReferralRow`
 * (amounts in fen, English enums), or the row's errors keyed by the Chinese column header.
 */
import { z } from 'zod';
import { ReferralRow } from '../domain/referral-row.ts';
import { yuanToFen } from './amount.ts';
import type { CellValue } from './cell-value.ts';
import {
  CATEGORY_BY_LABEL,
  COLUMN_HEADERS,
  DISASTER_KIND_BY_LABEL,
  DISASTER_KIND_ZH,
  headerOf,
  REQUIRED_VALUES,
  SCHOOL_LEVEL_BY_LABEL,
  SCHOOL_LEVEL_ZH,
  type ReferralField,
} from './columns.ts';
import { FUND_CATEGORY_ZH } from '../domain/fund-case.ts';
import { eventDateOf } from './event-date.ts';

z.config(z.locales.zhCN());

export interface RowError {
  /** The Chinese column header (`金额（元）`), or `行` for the row as a whole. */
  readonly field: string;
  /** zh-CN. */
  readonly message: string;
}

export type RowResult = { ok: true; row: ReferralRow } | { ok: false; errors: RowError[] };

export type RowValues = Partial<Record<ReferralField, CellValue>>;

type Converted = { value: unknown } | { error: string };

const text = (value: CellValue): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();

/** An 18-digit ID Excel stored as a number has lost its last digits; say so instead of "check digit". */
const residentIdText = (value: CellValue): Converted =>
  typeof value === 'number' && !Number.isSafeInteger(value)
    ? { error: '身份证号被 Excel 存成了数字，末几位已丢失，请将该列设为文本格式后重新填写' }
    : { value: text(value) };

const label = (map: ReadonlyMap<string, string>, labels: readonly string[], value: CellValue): Converted => {
  const raw = text(value);
  const found = map.get(raw) ?? (labels.includes(raw) ? raw : undefined);
  return found ? { value: found } : { error: `应为以下之一：${[...map.keys()].join('、')}` };
};

const CONVERT: Readonly<Record<ReferralField, (value: CellValue) => Converted>> = {
  residentId: residentIdText,
  name: (v) => ({ value: text(v) }),
  villageCode: (v) => ({ value: text(v) }),
  category: (v) => label(CATEGORY_BY_LABEL, Object.keys(FUND_CATEGORY_ZH), v),
  disasterKind: (v) => label(DISASTER_KIND_BY_LABEL, Object.keys(DISASTER_KIND_ZH), v),
  schoolLevel: (v) => label(SCHOOL_LEVEL_BY_LABEL, Object.keys(SCHOOL_LEVEL_ZH), v),
  amount: (v) => {
    const result =
      v instanceof Date ? ({ ok: false, message: '金额应为数字（单位：元）' } as const) : yuanToFen(v);
    return result.ok ? { value: result.fen } : { error: result.message };
  },
  eventDate: (v) => {
    const result = eventDateOf(v);
    return result.ok ? { value: result.date } : { error: result.message };
  },
  sourceRef: (v) => ({ value: text(v) }),
  perCapitaIncome: (v) => CONVERT.amount(v),
  note: (v) => ({ value: text(v) }),
};

/** The row schema's field for a file field. */
const SCHEMA_FIELD: Readonly<Record<ReferralField, string>> = {
  residentId: 'residentId',
  name: 'name',
  villageCode: 'villageCode',
  category: 'category',
  disasterKind: 'disasterKind',
  schoolLevel: 'schoolLevel',
  amount: 'amountFen',
  eventDate: 'eventDate',
  sourceRef: 'sourceRef',
  perCapitaIncome: 'perCapitaIncomeFen',
  note: 'note',
};

export const EMPTY_CELL = '此列不能为空';

/** Maps one file row to a `ReferralRow`; every problem of the row is reported, not only the first. */
export const rowFromValues = (values: RowValues): RowResult => {
  const errors: RowError[] = [];
  const candidate: Record<string, unknown> = {};
  const failed = new Set<string>();
  for (const field of Object.keys(CONVERT) as ReferralField[]) {
    const value = values[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (REQUIRED_VALUES.includes(field)) {
        errors.push({ field: COLUMN_HEADERS[field], message: EMPTY_CELL });
        failed.add(SCHEMA_FIELD[field]);
      }
      continue;
    }
    const converted = CONVERT[field](value);
    if ('error' in converted) {
      errors.push({ field: COLUMN_HEADERS[field], message: converted.error });
      failed.add(SCHEMA_FIELD[field]);
    } else candidate[SCHEMA_FIELD[field]] = converted.value;
  }
  const parsed = ReferralRow.safeParse(candidate);
  if (parsed.success && errors.length === 0) return { ok: true, row: parsed.data };
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? String(issue.path[0]) : '';
      if (failed.has(key)) continue;
      errors.push({ field: key ? headerOf(key) : '行', message: issue.message });
    }
  return { ok: false, errors };
};

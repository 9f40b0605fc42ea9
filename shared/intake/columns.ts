/**
 * The referral file's Chinese column headers ↔ the fields of the shared row schema
 * (`shared/domain/referral-row.ts`), and the zh-CN labels of its enumerations. Header
 * matching ignores a BOM, spaces and full/half-width parentheses; column order is free;
 * extra columns are ignored.
 */
import type { DISASTER_KINDS, SCHOOL_LEVELS } from '../domain/fund-case.ts';
import { FUND_CATEGORY_ZH } from '../domain/fund-case.ts';

/** The fields of a file row, before conversion (amounts in yuan). */
export const REFERRAL_FIELDS = [
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
  'note',
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];

/** The header of each column, as the template writes it. */
export const COLUMN_HEADERS: Readonly<Record<ReferralField, string>> = {
  residentId: '身份证号',
  name: '姓名',
  villageCode: '村级区划代码',
  category: '事件类别',
  disasterKind: '灾害类型',
  schoolLevel: '学段',
  amount: '金额（元）',
  eventDate: '事件日期',
  sourceRef: '来源编号',
  perCapitaIncome: '家庭年人均纯收入（元）',
  note: '备注',
};

/** Columns a file must have (灾害类型 and 学段 are required by the row rules only for their category). */
export const REQUIRED_FIELDS: readonly ReferralField[] = [
  'residentId',
  'name',
  'villageCode',
  'category',
  'disasterKind',
  'schoolLevel',
  'amount',
  'eventDate',
  'sourceRef',
];

/** What the cells of a column must hold in every row. */
export const REQUIRED_VALUES: readonly ReferralField[] = [
  'residentId',
  'name',
  'villageCode',
  'category',
  'amount',
  'eventDate',
  'sourceRef',
];

/** Header comparison form: no BOM, no spaces (half or full width), half-width parentheses. */
export const normalizeHeader = (raw: string): string =>
  raw
    .replace(/\uFEFF/g, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

const FIELD_BY_HEADER: ReadonlyMap<string, ReferralField> = new Map(
  REFERRAL_FIELDS.map((field) => [normalizeHeader(COLUMN_HEADERS[field]), field]),
);

/** The field a header names, or undefined for an extra column. */
export const fieldOfHeader = (raw: string): ReferralField | undefined =>
  FIELD_BY_HEADER.get(normalizeHeader(raw));

/** Fields of the row schema whose file column has another name. */
const SCHEMA_FIELD_COLUMN: Readonly<Record<string, ReferralField>> = {
  amountFen: 'amount',
  perCapitaIncomeFen: 'perCapitaIncome',
};

/**
 * The Chinese column header for a field of the file row or of `ReferralRow`
 * (`amountFen` → `金额（元）`), so the JSON batch and the file report errors alike.
 * Unknown names come back unchanged.
 */
export const headerOf = (field: string): string => {
  const column = SCHEMA_FIELD_COLUMN[field] ?? field;
  return (COLUMN_HEADERS as Readonly<Record<string, string>>)[column] ?? field;
};

export type DisasterKind = (typeof DISASTER_KINDS)[number];
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** A27a 灾害类型. */
export const DISASTER_KIND_ZH: Readonly<Record<DisasterKind, string>> = {
  flood: '洪涝灾害',
  geological: '地质灾害',
  drought: '旱灾',
  biological: '生物灾害',
  meteorological: '气象灾害',
  earthquake: '地震灾害',
  other: '其他',
};

export const SCHOOL_LEVEL_ZH: Readonly<Record<SchoolLevel, string>> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  secondary_vocational: '中职',
  higher_vocational: '高职',
  undergraduate: '本科',
  postgraduate: '研究生',
};

const invert = <K extends string>(labels: Readonly<Record<K, string>>): ReadonlyMap<string, K> =>
  new Map(Object.entries(labels).map(([key, label]) => [label as string, key as K]));

export const DISASTER_KIND_BY_LABEL = invert(DISASTER_KIND_ZH);
export const SCHOOL_LEVEL_BY_LABEL = invert(SCHOOL_LEVEL_ZH);
export const CATEGORY_BY_LABEL = invert(FUND_CATEGORY_ZH);

/**
 * The collection form of `002_…` 附件3 (防止返贫监测对象信息采集表, A1–A55) as rows for the national
 * system: one row per active member (A5–A22 per person), the household's fields (A1–A4, A23–A55)
 * repeated on each of its rows, columns in field order A1…A55, then the household's place and
 * contact (which the form heads with 家庭住址/联系电话). Fields the platform does not hold are left
 * empty (`HELD` lists them): A2 安置区地址, A23 住房安全, A25 饮水安全, A27a 自然灾害类型. Money
 * in yuan with two decimals, written as text (never floating point). Pure.
 */
import type { Household, Member } from '../household-schema.ts';
import type { IncomeFigures, IncomeComponents } from '../income.ts';
import type { HouseholdMonitoring, IncomeRecord } from '../monitoring/household-monitoring.ts';
import { MEASURE_CODES, MEASURES, type Measure } from '../monitoring/measures.ts';
import { CATEGORY_ZH, RISK_ZH } from '../monitoring/risk.ts';
import { yuanDecimal } from '../money.ts';
import { shanghaiDate } from '../shanghai-time.ts';
import {
  EDUCATION_ZH,
  HEALTH_ZH,
  LABOUR_ZH,
  POLITICAL_ZH,
  RELATION_ZH,
  SCHOOLING_ZH,
  SEX_ZH,
  WORK_REGION_ZH,
  yesNo,
} from './labels.ts';

export interface CollectionSource {
  readonly household: Household;
  readonly state?: HouseholdMonitoring;
  readonly measures: readonly Measure[];
  /** The latest monthly income record, if any. */
  readonly income?: IncomeRecord;
}

interface Ctx extends CollectionSource {
  readonly member: Member;
  readonly active: readonly Member[];
}

interface Column {
  readonly code: string;
  readonly label: string;
  readonly value: (ctx: Ctx) => string;
}

const none = () => '';
const component = (key: keyof IncomeComponents) => (ctx: Ctx) =>
  ctx.income ? yuanDecimal(ctx.income.components[key]) : '';
const figure = (key: Exclude<keyof IncomeFigures, 'members'>) => (ctx: Ctx) =>
  ctx.income ? yuanDecimal(ctx.income.figures[key]) : '';
/** The measures recorded under one form field (A39–A52), labels in the form's order, joined. */
const measures = (field: string) => (ctx: Ctx) =>
  MEASURE_CODES.filter((code) => ctx.measures.some((m) => m.field === field && m.code === code))
    .map((code) => MEASURES[code].label)
    .join('、');

const FIELD_COLUMNS: readonly Column[] = [
  {
    code: 'A1',
    label: '居住在大中型易地扶贫搬迁集中安置区',
    value: (c) => yesNo(c.household.relocationSite),
  },
  { code: 'A2', label: '安置区地址', value: none },
  { code: 'A3', label: '监测对象类别', value: (c) => (c.state ? CATEGORY_ZH[c.state.category] : '') },
  {
    code: 'A4',
    label: '脱贫户',
    value: (c) => yesNo(c.household.type === 'lifted' || c.state?.typeBefore === 'lifted'),
  },
  { code: 'A5', label: '姓名', value: (c) => c.member.name },
  { code: 'A6', label: '性别', value: (c) => SEX_ZH[c.member.sex] },
  { code: 'A7', label: '居民身份证（残疾人证）号码', value: (c) => c.member.idNumber },
  { code: 'A8', label: '与户主关系', value: (c) => RELATION_ZH[c.member.relation] },
  { code: 'A9', label: '民族', value: (c) => c.member.ethnicity },
  { code: 'A10', label: '政治面貌', value: (c) => POLITICAL_ZH[c.member.politicalStatus] },
  { code: 'A11', label: '文化程度', value: (c) => EDUCATION_ZH[c.member.education] },
  { code: 'A12', label: '在校生状况', value: (c) => SCHOOLING_ZH[c.member.schooling] },
  { code: 'A13', label: '健康状况', value: (c) => HEALTH_ZH[c.member.health] },
  { code: 'A14', label: '劳动技能', value: (c) => LABOUR_ZH[c.member.labour] },
  { code: 'A15', label: '务工区域', value: (c) => WORK_REGION_ZH[c.member.workRegion] },
  { code: 'A16', label: '务工时间（月）', value: (c) => String(c.member.workMonths) },
  {
    code: 'A17',
    label: '是否参加城乡居民（职工）基本医疗保险',
    value: (c) => yesNo(c.member.medicalInsurance),
  },
  { code: 'A18', label: '是否参加大病保险', value: (c) => yesNo(c.member.criticalIllnessInsurance) },
  {
    code: 'A19',
    label: '是否参加城乡居民（职工）基本养老保险',
    value: (c) => yesNo(c.member.pensionInsurance),
  },
  { code: 'A20', label: '是否享受城乡居民最低生活保障', value: (c) => yesNo(c.member.dibao) },
  { code: 'A21', label: '是否特困供养人员', value: (c) => yesNo(c.member.specialHardship) },
  { code: 'A22', label: '是否易地扶贫搬迁（同步搬迁）人口', value: (c) => yesNo(c.member.relocated) },
  { code: 'A23', label: '是否住房出现安全问题', value: none },
  {
    code: 'A24',
    label: '是否义务教育阶段适龄儿童少年失学辍学',
    value: (c) => yesNo(c.active.some((m) => m.schooling === 'dropped_out')),
  },
  { code: 'A25', label: '是否饮水出现安全问题', value: none },
  {
    code: 'A26',
    label: '是否有家庭成员未参加城乡居民（职工）基本医疗保险',
    value: (c) => yesNo(c.active.some((m) => !m.medicalInsurance)),
  },
  { code: 'A27', label: '风险类型', value: (c) => (c.state?.risks ?? []).map((r) => RISK_ZH[r]).join('、') },
  { code: 'A27a', label: '因自然灾害类型', value: none },
  { code: 'A28', label: '工资性收入（元）', value: component('a28WagesFen') },
  { code: 'A29', label: '生产经营性收入（元）', value: component('a29BusinessFen') },
  { code: 'A30', label: '财产性收入（元）', value: component('a30PropertyFen') },
  { code: 'A31', label: '转移性收入（元）', value: component('a31TransferFen') },
  { code: 'A32', label: '生产经营性支出（元）', value: component('a32BusinessExpensesFen') },
  { code: 'A33', label: '家庭纯收入（元）', value: figure('a33NetFen') },
  { code: 'A34', label: '家庭人均纯收入（元）', value: figure('a34PerCapitaFen') },
  { code: 'A35', label: '理赔收入（元）', value: component('a35ClaimIncomeFen') },
  { code: 'A36', label: '合规自付支出（元）', value: component('a36SelfPaidFen') },
  { code: 'A37', label: '纳入监测对象的收入参考范围（元）', value: figure('a37AfterExpensesFen') },
  {
    code: 'A38',
    label: '纳入监测对象的人均收入参考范围（元）',
    value: figure('a38PerCapitaAfterExpensesFen'),
  },
  { code: 'A39', label: '产业帮扶', value: measures('A39') },
  { code: 'A40', label: '就业帮扶', value: measures('A40') },
  { code: 'A41', label: '金融帮扶', value: measures('A41') },
  { code: 'A42', label: '公益岗位帮扶', value: measures('A42') },
  { code: 'A43', label: '住房安全保障', value: measures('A43') },
  { code: 'A44', label: '饮水安全保障', value: measures('A44') },
  { code: 'A45', label: '健康帮扶', value: measures('A45') },
  { code: 'A46', label: '义务教育保障', value: measures('A46') },
  { code: 'A47', label: '教育帮扶', value: measures('A47') },
  { code: 'A48', label: '综合保障', value: measures('A48') },
  { code: 'A49', label: '社会帮扶', value: measures('A49') },
  { code: 'A50', label: '搬迁', value: measures('A50') },
  { code: 'A51', label: '生产生活条件改善', value: measures('A51') },
  { code: 'A52', label: '基础设施建设', value: measures('A52') },
  {
    code: 'A53',
    label: '风险消除方式',
    value: (c) =>
      c.state?.status === 'eliminated' && c.state.eliminationMethod
        ? { assistance: '帮扶消除', natural: '自然消除' }[c.state.eliminationMethod]
        : '',
  },
  {
    code: 'A54',
    label: '风险消除时间',
    value: (c) =>
      c.state?.status === 'eliminated' && c.state.eliminatedAt
        ? shanghaiDate(new Date(c.state.eliminatedAt))
        : '',
  },
  {
    code: 'A55',
    label: '监测联系人及联系电话',
    value: (c) => (c.state?.contact ? `${c.state.contact.name} ${c.state.contact.phone}` : ''),
  },
];

const PLACE_COLUMNS: readonly Column[] = [
  { code: 'householdId', label: '户编号', value: (c) => c.household.householdId },
  { code: 'countyCode', label: '县（市、区）', value: (c) => c.household.countyCode },
  { code: 'townCode', label: '乡（镇、街道）', value: (c) => c.household.townCode },
  { code: 'villageCode', label: '村（社区）', value: (c) => c.household.villageCode },
  { code: 'group', label: '自然村（村民小组）', value: (c) => c.household.group },
  { code: 'address', label: '家庭住址', value: (c) => c.household.address },
  { code: 'phone', label: '联系电话', value: (c) => c.household.phone ?? '' },
];

export const COLLECTION_COLUMNS: readonly Column[] = [...FIELD_COLUMNS, ...PLACE_COLUMNS];

/** The form's field codes in order: A1…A27, A27a, A28…A55. */
export const FIELD_CODES: readonly string[] = FIELD_COLUMNS.map((c) => c.code);

/** Fields left empty because the platform does not hold them (README lists them too). */
export const NOT_HELD: readonly string[] = ['A2', 'A23', 'A25', 'A27a'];

/** One row per active member, head first, in column order. */
export const collectionRows = (source: CollectionSource): string[][] => {
  const active = source.household.members.filter((m) => m.status === 'active');
  const ordered = [
    ...active.filter((m) => m.relation === 'head'),
    ...active.filter((m) => m.relation !== 'head'),
  ];
  return ordered.map((member) => COLLECTION_COLUMNS.map((col) => col.value({ ...source, member, active })));
};

/** The latest income record (by month). */
export const latestIncome = (incomes: readonly IncomeRecord[]): IncomeRecord | undefined =>
  [...incomes].sort((a, b) => a.month.localeCompare(b.month)).at(-1);

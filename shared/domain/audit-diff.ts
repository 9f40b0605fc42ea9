/**
 * The before/after of a household change, field by field. Households are flattened to dotted
 * paths (`address`, `members.<memberId>.health`); the diff keeps only the paths that changed.
 * The audit table stores the full values (it is the trail); the API masks them with
 * `maskAuditValues` on the way out.
 */
import type { Household } from './household-schema.ts';
import { maskName, maskPhone, maskResidentId } from './mask.ts';

export type AuditValue = string | number | boolean;
export type FlatValues = Record<string, AuditValue>;

export interface AuditDiff {
  readonly before: FlatValues;
  readonly after: FlatValues;
}

/** Bookkeeping fields: they change with every write and say nothing the record itself does not. */
const IGNORED = new Set(['householdId', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

const isAuditValue = (value: unknown): value is AuditValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

export const flattenHousehold = (household: Household): FlatValues => {
  const flat: FlatValues = {};
  for (const [key, value] of Object.entries(household)) {
    if (IGNORED.has(key) || key === 'members') continue;
    if (isAuditValue(value)) flat[key] = value;
  }
  for (const member of household.members) {
    for (const [key, value] of Object.entries(member)) {
      if (key !== 'memberId' && isAuditValue(value)) flat[`members.${member.memberId}.${key}`] = value;
    }
  }
  return flat;
};

/** Only the paths whose value differs; a path absent on one side is absent from that side's map. */
export const diffHouseholds = (before: Household | undefined, after: Household | undefined): AuditDiff => {
  const was = before ? flattenHousehold(before) : {};
  const is = after ? flattenHousehold(after) : {};
  const diff = { before: {} as FlatValues, after: {} as FlatValues };
  for (const path of new Set([...Object.keys(was), ...Object.keys(is)])) {
    const a = was[path];
    const b = is[path];
    if (a === b) continue;
    if (a !== undefined) diff.before[path] = a;
    if (b !== undefined) diff.after[path] = b;
  }
  return diff;
};

export const isEmptyDiff = (diff: AuditDiff): boolean =>
  Object.keys(diff.before).length === 0 && Object.keys(diff.after).length === 0;

/** Household fields first, then each member's, each group in name order (stored maps lose order). */
const sortedEntries = (values: FlatValues): [string, AuditValue][] =>
  Object.entries(values).sort(([a], [b]) => {
    const memberA = a.startsWith('members.');
    const memberB = b.startsWith('members.');
    if (memberA !== memberB) return memberA ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  });

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

const MASKS: Readonly<Record<string, (value: string) => string>> = {
  name: maskName,
  headName: maskName,
  idNumber: maskResidentId,
  phone: maskPhone,
};

/** Masks names, IDs and phones in a before/after map, for any reader but the audit table itself. */
export const maskAuditValues = (values: FlatValues): FlatValues =>
  Object.fromEntries(
    sortedEntries(values).map(([path, value]) => {
      const mask = MASKS[lastSegment(path)];
      return [path, mask && typeof value === 'string' ? mask(value) : value];
    }),
  );

const FIELD_LABELS_ZH: Readonly<Record<string, string>> = {
  group: '村民小组',
  address: '地址',
  phone: '联系电话',
  type: '户类型',
  relocationSite: '集中安置区',
  headName: '户主',
  countyCode: '县级区划',
  townCode: '乡镇区划',
  villageCode: '村级区划',
  name: '姓名',
  sex: '性别',
  relation: '与户主关系',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '文化程度',
  schooling: '在校生状况',
  health: '健康状况',
  labour: '劳动技能',
  workRegion: '务工区域',
  workMonths: '务工时间',
  medicalInsurance: '基本医疗保险',
  criticalIllnessInsurance: '大病保险',
  pensionInsurance: '基本养老保险',
  dibao: '最低生活保障',
  specialHardship: '特困供养',
  relocated: '易地扶贫搬迁',
  idType: '证件类型',
  idNumber: '证件号码',
  status: '状态',
  joinedAt: '入户时间',
  leftAt: '减员时间',
  leftReason: '减员原因',
  leftNote: '说明',
  movedToHouseholdId: '迁入户',
  movedFromHouseholdId: '迁出户',
};

/** The zh-CN names of the changed fields, in order of first appearance, without repeats. */
export const changedFieldLabels = (diff: AuditDiff): string[] => {
  const paths = [...Object.keys(diff.before), ...Object.keys(diff.after)];
  return [...new Set(paths.map((path) => FIELD_LABELS_ZH[lastSegment(path)] ?? lastSegment(path)))];
};

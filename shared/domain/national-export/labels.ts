/** zh-CN labels of the member fields (A6, A8–A16) as the collection form of `002_…` 附件3 writes them. */
import type { Member } from '../household-schema.ts';

type Labels<K extends keyof Member> = Readonly<Record<Extract<Member[K], string>, string>>;

export const SEX_ZH: Labels<'sex'> = { male: '男', female: '女' };

export const RELATION_ZH: Labels<'relation'> = {
  head: '户主',
  spouse: '配偶',
  son: '之子',
  daughter: '之女',
  son_in_law: '之女婿',
  daughter_in_law: '之儿媳',
  grandson: '之孙子',
  granddaughter: '之孙女',
  father: '之父',
  mother: '之母',
  grandfather: '之祖父',
  grandmother: '之祖母',
  sibling: '兄弟姐妹',
  other: '其他',
};

export const POLITICAL_ZH: Labels<'politicalStatus'> = {
  masses: '群众',
  party_member: '中共党员',
  league_member: '共青团员',
  other: '其他',
};

export const EDUCATION_ZH: Labels<'education'> = {
  illiterate: '文盲或半文盲',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中专（中技）',
  college: '大专及以上',
  preschool: '学龄前儿童',
  none: '',
};

export const SCHOOLING_ZH: Labels<'schooling'> = {
  not_in_school: '非在校生',
  preschool: '学前教育',
  primary: '小学',
  junior: '七年级至九年级',
  senior: '普通高中',
  secondary_vocational: '中职',
  higher_vocational: '高职（高专）',
  undergraduate: '本科',
  postgraduate: '研究生及以上',
  dropped_out: '失学或辍学',
};

export const HEALTH_ZH: Labels<'health'> = {
  healthy: '健康',
  chronic_illness: '长期慢性病',
  serious_illness: '患有大病',
  disabled: '残疾',
};

export const LABOUR_ZH: Labels<'labour'> = {
  general: '普通劳动力',
  skilled: '技能劳动力',
  weak: '弱劳动力或半劳动力',
  none: '无劳动力',
  lost: '丧失劳动力',
};

export const WORK_REGION_ZH: Labels<'workRegion'> = {
  none: '',
  in_county: '县内',
  in_province: '省内县外',
  out_of_province: '省外',
  abroad: '境外',
};

export const yesNo = (value: boolean): string => (value ? '是' : '否');

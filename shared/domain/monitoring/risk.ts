/** Risk types of a monitored household (A27, SPEC §4.1) and the monitoring categories. */
import { z } from 'zod';

export const RISK_TYPES = [
  'illness',
  'schooling',
  'disability',
  'natural_disaster',
  'accident',
  'industry_failure',
  'unstable_employment',
  'lack_of_labour',
  'other',
] as const;
export const RiskType = z.enum(RISK_TYPES).meta({ description: 'A27 风险类型' });
export type RiskType = z.infer<typeof RiskType>;

export const RISK_ZH: Readonly<Record<RiskType, string>> = {
  illness: '因病',
  schooling: '因学',
  disability: '因残',
  natural_disaster: '因自然灾害',
  accident: '因意外事故',
  industry_failure: '因产业失败',
  unstable_employment: '因务工就业不稳',
  lack_of_labour: '缺劳动力',
  other: '其他',
};

export const MONITORING_CATEGORIES = ['unstable_lifted', 'marginal', 'sudden_hardship'] as const;
export const MonitoringCategory = z
  .enum(MONITORING_CATEGORIES)
  .meta({ description: '脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户' });
export type MonitoringCategory = z.infer<typeof MonitoringCategory>;

export const CATEGORY_ZH: Readonly<Record<MonitoringCategory, string>> = {
  unstable_lifted: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
};

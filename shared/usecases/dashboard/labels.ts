/** zh-CN labels next to the codes the dashboard returns, so a UI needs no table of its own. */
import type { AlertKind } from '../../domain/alert.ts';
import type { AreaTotals } from '../../domain/area-counts.ts';
import { HOUSEHOLD_TYPES, type HouseholdType } from '../../domain/household-schema.ts';
import { MONITORING_STATUSES, MONITORING_STATUS_ZH } from '../../domain/monitoring/household-monitoring.ts';
import { CATEGORY_ZH, MONITORING_CATEGORIES, RISK_TYPES, RISK_ZH } from '../../domain/monitoring/risk.ts';

export const ALERT_KIND_ZH: Readonly<Record<AlertKind, string>> = {
  missing_submission: '部门未按时推送数据',
  verification_overdue: '入户核查超时',
  procedure_overdue: '监测程序超时',
  calendar_missing: '节假日安排未导入',
  fund_balance_low: '基金余额不足',
  unreachable_persons: '排查联系不上的人员',
  monitored_share_high: '监测对象占比超过阈值',
  blank_village: '空白村',
};

export const HOUSEHOLD_TYPE_ZH: Readonly<Record<HouseholdType, string>> = {
  general: '一般农户',
  lifted: '脱贫户',
  monitored: '监测户',
};

/** The totals by type, status, category and risk, each a list in the codes' order with labels. */
export const breakdowns = (totals: AreaTotals) => ({
  byType: HOUSEHOLD_TYPES.map((code) => ({
    code,
    label: HOUSEHOLD_TYPE_ZH[code],
    households: totals.byType[code],
  })),
  byStatus: MONITORING_STATUSES.map((code) => ({
    code,
    label: MONITORING_STATUS_ZH[code],
    households: totals.byStatus[code].households,
    persons: totals.byStatus[code].persons,
  })),
  byCategory: MONITORING_CATEGORIES.map((code) => ({
    code,
    label: CATEGORY_ZH[code],
    households: totals.byCategory[code],
  })),
  byRisk: RISK_TYPES.map((code) => ({ code, label: RISK_ZH[code], households: totals.byRisk[code] })),
});

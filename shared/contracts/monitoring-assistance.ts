/** Assistance of a monitored household (SPEC §4.4): contact, measures, assessments, monthly income. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { Phone } from '../domain/household-schema.ts';
import { IncomeComponents } from '../domain/income.ts';
import { Assessment, IncomeRecord, QUARTER } from '../domain/monitoring/household-monitoring.ts';
import { Measure, MeasureCodeSchema, MeasureOwner, MeasureStatus } from '../domain/monitoring/measures.ts';
import { RiskType } from '../domain/monitoring/risk.ts';
import { errorResponses, Id } from './common.ts';
import { MONITORING_API, MONITORING_READERS } from './monitoring.ts';

const WRITERS = ['village_cadre', 'town_official', 'county_staff'] as const;
const HouseholdParams = z.object({ householdId: Id });

export const HouseholdMonitoringView = z
  .looseObject({
    householdId: z.string(),
    householdType: z.string(),
    monitoring: z.looseObject({ status: z.string(), category: z.string() }).optional(),
    measures: z.array(Measure),
    planFlags: z.array(z.object({ code: z.string(), risk: RiskType, message: z.string() })),
    assessments: z.array(Assessment),
    setupOverdue: z.boolean(),
  })
  .meta({ id: 'HouseholdMonitoringView' });

export const getHouseholdMonitoring = route({
  method: 'GET',
  path: '/monitoring/households/{householdId}',
  function: MONITORING_API,
  roles: MONITORING_READERS,
  summary: '一户的监测情况：类别及理由、联系人（脱敏）、帮扶措施与提示、成效评估、收入记录',
  tag: 'monitoring',
  request: { params: HouseholdParams },
  responses: { 200: { description: '监测情况', schema: HouseholdMonitoringView }, ...errorResponses },
});

export const setContact = route({
  method: 'PUT',
  path: '/monitoring/households/{householdId}/contact',
  function: MONITORING_API,
  roles: WRITERS,
  summary: '明确监测帮扶联系人',
  tag: 'monitoring',
  request: {
    params: HouseholdParams,
    body: z.object({
      name: z.string().trim().min(1, '姓名不能为空').max(30),
      phone: Phone,
      position: z.string().trim().max(50).optional(),
    }),
  },
  responses: { 200: { description: '已设置', schema: HouseholdMonitoringView }, ...errorResponses },
});

export const addMeasure = route({
  method: 'POST',
  path: '/monitoring/households/{householdId}/measures',
  function: MONITORING_API,
  roles: WRITERS,
  summary: '录入帮扶措施（A39–A52），针对一项风险，明确责任单位',
  tag: 'monitoring',
  request: {
    params: HouseholdParams,
    body: z.object({
      code: MeasureCodeSchema,
      risk: RiskType,
      ownerDepartment: MeasureOwner,
      status: MeasureStatus.default('planned'),
      note: z.string().trim().max(500).optional(),
      amountFen: z.number().int().min(0).optional(),
    }),
  },
  responses: { 201: { description: '已录入', schema: Measure }, ...errorResponses },
});

export const updateMeasure = route({
  method: 'PATCH',
  path: '/monitoring/households/{householdId}/measures/{measureId}',
  function: MONITORING_API,
  roles: WRITERS,
  summary: '更新帮扶措施进展',
  tag: 'monitoring',
  request: {
    params: z.object({ householdId: Id, measureId: z.string().min(1).max(100) }),
    body: z.object({
      status: MeasureStatus,
      note: z.string().trim().max(500).optional(),
      version: z.number().int().min(1),
    }),
  },
  responses: { 200: { description: '已更新', schema: Measure }, ...errorResponses },
});

export const addAssessment = route({
  method: 'POST',
  path: '/monitoring/households/{householdId}/assessments',
  function: MONITORING_API,
  roles: WRITERS,
  summary: '季度帮扶成效评估',
  tag: 'monitoring',
  request: {
    params: HouseholdParams,
    body: z.object({
      quarter: z.string().regex(QUARTER, '季度格式应为 2026-Q3'),
      effect: z.enum(['good', 'fair', 'poor']),
      note: z.string().trim().max(500).optional(),
    }),
  },
  responses: { 201: { description: '已评估', schema: Assessment }, ...errorResponses },
});

export const recordIncome = route({
  method: 'POST',
  path: '/monitoring/households/{householdId}/incomes',
  function: MONITORING_API,
  roles: WRITERS,
  summary: '按月记录家庭收入（风险消除须连续 6 个月高于监测线）',
  tag: 'monitoring',
  request: {
    params: HouseholdParams,
    body: z.object({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
      components: IncomeComponents,
    }),
  },
  responses: { 201: { description: '已记录', schema: IncomeRecord }, ...errorResponses },
});

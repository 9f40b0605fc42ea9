/** Fund cases (防贫案件, SPEC §3.1): lists and details in scope, masked; sending a screened-out case on. */
import { MonitoringStatus } from '../domain/monitoring/household-monitoring.ts';
import { MonitoringCategory } from '../domain/monitoring/risk.ts';
import { z } from 'zod';
import { route } from '../http/route.ts';
import type { Role } from '../auth/roles.ts';
import { CaseSource, CaseStatus, FundCase, FundCategory } from '../domain/fund-case.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { errorResponses, Id, page, PageQuery } from './common.ts';

export const CASE_READERS = [
  'village_cadre',
  'town_official',
  'county_staff',
  'auditor',
  'insurer_manager',
] as const satisfies readonly Role[];
export const CASE_SENDERS = ['village_cadre', 'town_official'] as const satisfies readonly Role[];

/** The case as shown: person name and resident ID masked. */
export const FundCaseView = FundCase.meta({ id: 'FundCaseView' });
/** The household's side in dynamic monitoring, as the fund case shows it (not to the insurer). */
export const CaseHouseholdMonitoring = z
  .object({
    status: MonitoringStatus.optional(),
    statusZh: z.string().optional(),
    category: MonitoringCategory.optional(),
    monitoredSince: z.string().optional(),
    openLeadId: z.string().optional(),
    openProcedureId: z.string().optional(),
  })
  .meta({
    id: 'CaseHouseholdMonitoring',
    description: '该户在动态监测中的状态（未纳入监测时无 status，statusZh 为“未纳入监测”）',
  });

export const FundCaseDetail = FundCase.extend({
  sources: z.array(CaseSource),
  householdMonitoring: CaseHouseholdMonitoring.optional(),
}).meta({
  id: 'FundCaseDetail',
});

const CaseParams = z.object({ caseId: Id });

export const listFundCases = route({
  method: 'GET',
  path: '/fund-cases',
  function: 'list-fund-cases',
  roles: CASE_READERS,
  summary: '防贫案件列表：按状态、类别、村/乡镇筛选，分页，姓名与证件号脱敏；保险公司只见待核查案件',
  tag: 'fund',
  request: {
    query: z.object({
      status: CaseStatus.optional(),
      category: FundCategory.optional(),
      villageCode: RegionCode.optional(),
      townCode: RegionCode.optional(),
      ...PageQuery,
    }),
  },
  responses: { 200: { description: '一页案件', schema: page(FundCaseView) }, ...errorResponses },
});

export const getFundCase = route({
  method: 'GET',
  path: '/fund-cases/{caseId}',
  function: 'get-fund-case',
  roles: CASE_READERS,
  summary: '防贫案件详情（脱敏）：来源行、筛查原因、农户编号',
  tag: 'fund',
  request: { params: CaseParams },
  responses: { 200: { description: '案件', schema: FundCaseDetail }, ...errorResponses },
});

export const sendOnFundCase = route({
  method: 'POST',
  path: '/fund-cases/{caseId}/send-on',
  function: 'send-on-fund-case',
  roles: CASE_SENDERS,
  summary: '对已筛除的案件说明理由后仍报送保险公司核查（须带 version；记入审计）',
  tag: 'fund',
  request: {
    params: CaseParams,
    body: z.object({
      reason: z.string().trim().min(1, '请填写仍需报送的理由').max(500),
      version: z.number().int().min(1),
    }),
  },
  responses: {
    200: { description: '已报送，待核查（脱敏）', schema: FundCaseView },
    409: { description: '案件未被筛除，或已被他人修改' },
    ...errorResponses,
  },
});

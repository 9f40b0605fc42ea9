/**
 * The cadence lists (SPEC §4.7, `000_…` “月比对、季分析”): the monthly data-comparison list and the
 * quarterly assistance-effect assessment list, kept per period. Every route goes to ONE function,
 * `cadence-api` (`functions/cadence/api.ts`).
 */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { AssessmentEntry, EFFECTS } from '../domain/cadence/assessment.ts';
import { COMPARISON_LISTS, ComparisonEntry } from '../domain/cadence/comparison.ts';
import { LIST_KINDS, RegionCounts } from '../domain/cadence/list.ts';
import { Month, Quarter } from '../domain/cadence/period.ts';
import { RegionCode } from '../domain/household-schema.ts';
import { errorResponses, PageQuery } from './common.ts';

export const CADENCE_API = 'cadence-api';

export const CADENCE_READERS = ['village_cadre', 'town_official', 'county_staff', 'auditor'] as const;

/** A kept list's header as the caller may see it: the counts of the caller's region only. */
export const ListHeaderView = z
  .object({
    kind: z.enum(LIST_KINDS),
    period: z.string(),
    runId: z.string(),
    startedAt: z.string(),
    generatedAt: z.string(),
    requestedBy: z.string(),
    regionCode: z.string().meta({ description: '计数所属区域（本辖区）' }),
    counts: RegionCounts,
    byTown: z.record(z.string(), RegionCounts),
    byVillage: z.record(z.string(), RegionCounts),
    notes: z.array(z.string()),
  })
  .meta({ id: 'CadenceListHeaderView' });

export const RunAccepted = z
  .object({
    kind: z.enum(LIST_KINDS),
    period: z.string(),
    runId: z.string(),
    startedAt: z.string(),
    message: z.string(),
  })
  .meta({ id: 'CadenceRunAccepted' });

const Region = { regionCode: RegionCode.optional().meta({ description: '乡镇或村（默认本辖区）' }) };
const MonthParams = z.object({ month: Month });
const QuarterParams = z.object({ quarter: Quarter });
const ComparisonFilter = { list: z.enum(COMPARISON_LISTS).optional().meta({ description: '只看一类' }) };
const AssessmentFilter = { effect: z.enum(EFFECTS).optional().meta({ description: '只看一种成效' }) };
const XLSX_FILE = { description: 'XLSX 文件（姓名、证件号脱敏）' };

const periodsResponse = {
  200: { description: '已保存的各期清单', schema: z.object({ items: z.array(ListHeaderView) }) },
};

export const listComparisons = route({
  method: 'GET',
  path: '/cadence/comparisons',
  function: CADENCE_API,
  roles: CADENCE_READERS,
  summary: '月度数据比对清单：已生成的各月（计数为本辖区）',
  tag: 'cadence',
  responses: { ...periodsResponse, ...errorResponses },
});

export const getComparison = route({
  method: 'GET',
  path: '/cadence/comparisons/{month}',
  function: CADENCE_API,
  roles: CADENCE_READERS,
  summary:
    '某月数据比对清单（分页，本辖区）：部门数据中有但未纳入监测的人员；收入高于监测线的监测对象。姓名、证件号脱敏',
  tag: 'cadence',
  request: { params: MonthParams, query: z.object({ ...Region, ...ComparisonFilter, ...PageQuery }) },
  responses: {
    200: {
      description: '清单',
      schema: z.object({
        header: ListHeaderView,
        items: z.array(ComparisonEntry),
        nextCursor: z.string().optional(),
      }),
    },
    ...errorResponses,
  },
});

export const getComparisonXlsx = route({
  method: 'GET',
  path: '/cadence/comparisons/{month}/xlsx',
  function: CADENCE_API,
  roles: CADENCE_READERS,
  summary: '下载某月数据比对清单（XLSX，本辖区，脱敏）',
  tag: 'cadence',
  request: { params: MonthParams, query: z.object({ ...Region, ...ComparisonFilter }) },
  responses: { 200: XLSX_FILE, ...errorResponses },
});

export const runComparison = route({
  method: 'POST',
  path: '/cadence/comparisons/{month}/run',
  function: CADENCE_API,
  roles: ['county_staff'],
  summary: '重新生成某月数据比对清单（后台执行，完成后替换该月清单）',
  tag: 'cadence',
  request: { params: MonthParams },
  responses: { 202: { description: '已开始生成', schema: RunAccepted }, ...errorResponses },
});

export const listAssessments = route({
  method: 'GET',
  path: '/cadence/assessments',
  function: CADENCE_API,
  roles: CADENCE_READERS,
  summary: '季度帮扶成效评估清单：已生成的各季度（计数为本辖区）',
  tag: 'cadence',
  responses: { ...periodsResponse, ...errorResponses },
});

export const getAssessment = route({
  method: 'GET',
  path: '/cadence/assessments/{quarter}',
  function: CADENCE_API,
  roles: CADENCE_READERS,
  summary:
    '某季度帮扶成效评估清单（分页，本辖区）：季末监测中或本季度消除风险的户，类别、风险、帮扶措施、成效评估（未评估标出）、收入变化',
  tag: 'cadence',
  request: { params: QuarterParams, query: z.object({ ...Region, ...AssessmentFilter, ...PageQuery }) },
  responses: {
    200: {
      description: '清单',
      schema: z.object({
        header: ListHeaderView,
        items: z.array(AssessmentEntry),
        nextCursor: z.string().optional(),
      }),
    },
    ...errorResponses,
  },
});

export const getAssessmentXlsx = route({
  method: 'GET',
  path: '/cadence/assessments/{quarter}/xlsx',
  function: CADENCE_API,
  roles: CADENCE_READERS,
  summary: '下载某季度帮扶成效评估清单（XLSX，本辖区，脱敏）',
  tag: 'cadence',
  request: { params: QuarterParams, query: z.object({ ...Region, ...AssessmentFilter }) },
  responses: { 200: XLSX_FILE, ...errorResponses },
});

export const runAssessment = route({
  method: 'POST',
  path: '/cadence/assessments/{quarter}/run',
  function: CADENCE_API,
  roles: ['county_staff'],
  summary: '重新生成某季度帮扶成效评估清单（后台执行，完成后替换该季度清单）',
  tag: 'cadence',
  request: { params: QuarterParams },
  responses: { 202: { description: '已开始生成', schema: RunAccepted }, ...errorResponses },
});

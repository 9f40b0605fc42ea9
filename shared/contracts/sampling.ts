/** Sampling plans (抽样复核方案, SPEC §3.4): drawn by a state machine, reproducible from snapshot and seed. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { SamplingPlan, SamplingPlanRequest } from '../domain/sampling/plan.ts';
import { SAMPLE_REASONS } from '../domain/sampling/draw.ts';
import { VERIFICATION_API } from './verification.ts';
import { errorResponses, Id } from './common.ts';

const PlanParams = z.object({ planId: Id });

export const createSamplingPlan = route({
  method: 'POST',
  path: '/sampling-plans',
  function: VERIFICATION_API,
  roles: ['county_staff'],
  summary:
    '创建抽样复核方案（比例或统计样本量、每名核查员最少数、赔付阈值、人工指定、随机种子），由状态机抽取',
  tag: 'sampling',
  request: { body: SamplingPlanRequest },
  responses: { 202: { description: '方案已创建，正在抽取', schema: SamplingPlan }, ...errorResponses },
});

export const listSamplingPlans = route({
  method: 'GET',
  path: '/sampling-plans',
  function: VERIFICATION_API,
  roles: ['county_staff', 'auditor'],
  summary: '本县抽样复核方案，新的在前',
  tag: 'sampling',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: {
    200: {
      description: '方案',
      schema: z.object({
        items: z.array(
          SamplingPlan.omit({ sample: true }).extend({ sampleSize: z.number().int().optional() }),
        ),
      }),
    },
    ...errorResponses,
  },
});

export const getSamplingPlan = route({
  method: 'GET',
  path: '/sampling-plans/{planId}',
  function: VERIFICATION_API,
  roles: ['county_staff', 'auditor'],
  summary: '方案详情：种子、总体规模与快照摘要、样本及每个案件的抽中原因、案件去向',
  tag: 'sampling',
  request: { params: PlanParams },
  responses: { 200: { description: '方案', schema: SamplingPlan }, ...errorResponses },
});

export const checkSamplingRedraw = route({
  method: 'POST',
  path: '/sampling-plans/{planId}/redraw-check',
  function: VERIFICATION_API,
  roles: ['county_staff', 'auditor'],
  summary: '用保存的总体快照和种子重新抽取，核对与保存的样本是否一致（可另给种子试算，不改变方案）',
  tag: 'sampling',
  request: {
    params: PlanParams,
    body: z
      .object({
        seed: z
          .string()
          .regex(/^[0-9a-f]{16,128}$/, '随机种子应为 16–128 位十六进制字符')
          .optional(),
      })
      .prefault({}),
  },
  responses: {
    200: {
      description: '核对结果',
      schema: z.object({
        planId: z.string(),
        seed: z.string(),
        populationSize: z.number().int(),
        populationSha256: z.string(),
        populationMatches: z.boolean(),
        sampleMatches: z.boolean(),
        sample: z.array(
          z.object({
            caseId: z.string(),
            round: z.number().int(),
            adjuster: z.string(),
            reason: z.enum(SAMPLE_REASONS),
          }),
        ),
      }),
    },
    409: { description: '方案尚未抽取完成' },
    ...errorResponses,
  },
});

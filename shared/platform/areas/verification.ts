/**
 * Insurer home verification, county sampling re-inspection and adjuster quality (SPEC §3.3–3.4).
 * Three functions, to keep the stateless stack under CloudFormation's 500 resources: ONE API
 * function for every route (`functions/verification/api.ts` dispatches by route key to the
 * per-route handlers), ONE function for the steps of the `sampling-draw` state machine, and the
 * daily overdue sweep.
 */
import * as verification from '../../contracts/verification.ts';
import * as sampling from '../../contracts/sampling.ts';
import * as quality from '../../contracts/quality.ts';
import { api, type Area } from './area.ts';

const DRAW = 'sampling-draw';

export const verificationArea: Area = {
  functions: [
    api(
      verification.VERIFICATION_API,
      'functions/verification/api.ts',
      'Verification API: assignment, results, re-inspection, sampling plans, quality',
      {
        memoryMb: 512,
        timeoutSeconds: 29,
        tables: { main: 'readwrite', audit: 'write' },
        buckets: { evidence: 'read' },
        startsStateMachines: [DRAW],
      },
    ),
    {
      name: 'sampling-draw-steps',
      entry: 'functions/sampling/draw-steps.ts',
      description: 'Tasks of the sampling draw: snapshot, draw, move the cases, mark failed',
      memoryMb: 512,
      timeoutSeconds: 900,
      tables: { main: 'readwrite', audit: 'write' },
      buckets: { evidence: 'readwrite' },
    },
    {
      name: 'check-overdue-verifications',
      entry: 'functions/verification/check-overdue-verifications.ts',
      description: 'Schedule: alerts for verification tasks past their deadline',
      memoryMb: 256,
      timeoutSeconds: 120,
      tables: { main: 'readwrite' },
    },
  ],
  routes: [
    verification.listVerificationQueue,
    verification.getVerificationWorkload,
    verification.assignVerificationTasks,
    verification.reassignVerificationTask,
    verification.listVerificationTasks,
    verification.getVerification,
    verification.submitVerificationResult,
    verification.recordReinspection,
    sampling.createSamplingPlan,
    sampling.listSamplingPlans,
    sampling.getSamplingPlan,
    sampling.checkSamplingRedraw,
    quality.getQuality,
  ],
  stateMachines: [
    {
      name: DRAW,
      file: 'statemachines/sampling-draw.asl.json',
      description: 'Sampling draw: population snapshot, seeded reproducible draw, cases moved on',
      functions: { SamplingDrawStepsFunctionArn: 'sampling-draw-steps' },
    },
  ],
  schedules: [
    {
      name: 'verification-overdue-check',
      description: '每天 08:30 检查超期未提交的入户核查任务并预警',
      cron: 'cron(30 8 * * ? *)',
      timezone: 'Asia/Shanghai',
      target: { function: 'check-overdue-verifications' },
    },
  ],
};

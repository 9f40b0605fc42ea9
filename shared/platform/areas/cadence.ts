/**
 * The cadence of SPEC §4.7 (`000_…` “月比对、季分析”): the monthly data-comparison list and the
 * quarterly assistance-effect assessment list, kept per period. All routes go to ONE function,
 * `cadence-api`; the lists are built by the `cadence-lists` state machine (its two tasks are ONE
 * function, `cadence-list-steps`), started by the two schedules and by a county staff re-run.
 */
import * as cadence from '../../contracts/cadence.ts';
import type { RouteDecl } from '../declaration-types.ts';
import { api, type Area } from './area.ts';

const ROUTES: readonly RouteDecl[] = [
  cadence.listComparisons,
  cadence.getComparison,
  cadence.getComparisonXlsx,
  cadence.runComparison,
  cadence.listAssessments,
  cadence.getAssessment,
  cadence.getAssessmentXlsx,
  cadence.runAssessment,
];

export const cadenceArea: Area = {
  functions: [
    api(
      cadence.CADENCE_API,
      'functions/cadence/api.ts',
      'Cadence API: monthly comparison and quarterly assessment lists',
      {
        memoryMb: 512,
        timeoutSeconds: 29,
        tables: { main: 'read' },
        startsStateMachines: ['cadence-lists'],
      },
    ),
    {
      name: 'cadence-list-steps',
      entry: 'functions/cadence/list-steps.ts',
      description: 'State machine tasks: plan a cadence run, build and publish one county list',
      memoryMb: 1024,
      timeoutSeconds: 900,
      tables: { main: 'readwrite' },
    },
  ],
  routes: ROUTES,
  stateMachines: [
    {
      name: 'cadence-lists',
      file: 'statemachines/cadence-lists.asl.json',
      description: 'Build the monthly comparison or quarterly assessment list of each county for a period',
      functions: { CadenceListStepsFunctionArn: 'cadence-list-steps' },
    },
  ],
  schedules: [
    {
      name: 'cadence-monthly-comparison',
      description: '每月 8 日 02:00 生成上月数据比对清单（5 日部门推送、6 日缺报检查之后）',
      cron: 'cron(0 2 8 * ? *)',
      timezone: 'Asia/Shanghai',
      target: { stateMachine: 'cadence-lists' },
      input: { kind: 'comparison' },
    },
    {
      name: 'cadence-quarterly-assessment',
      description: '每季度首月 1 日 03:00 生成上季度帮扶成效评估清单',
      cron: 'cron(0 3 1 1,4,7,10 ? *)',
      timezone: 'Asia/Shanghai',
      target: { stateMachine: 'cadence-lists' },
      input: { kind: 'assessment' },
    },
  ],
};

/**
 * Dynamic monitoring: leads, identification, assistance, elimination, rollback, the household file
 * (SPEC §4.1–4.7). All its routes go to ONE function, `monitoring-api` (see
 * `functions/monitoring/api.ts`), to keep the stateless stack under CloudFormation's 500 resources;
 * the daily overdue check is a schedule.
 */
import * as monitoring from '../../contracts/monitoring.ts';
import * as assistance from '../../contracts/monitoring-assistance.ts';
import * as householdFile from '../../contracts/household-file.ts';
import type { RouteDecl } from '../declaration-types.ts';
import { api, type Area } from './area.ts';

const ROUTES: readonly RouteDecl[] = [
  monitoring.createLead,
  monitoring.listLeads,
  monitoring.openIdentification,
  monitoring.listProcedures,
  monitoring.getProcedure,
  monitoring.recordVerification,
  monitoring.requestAssetChecks,
  monitoring.listAssetChecks,
  monitoring.getAssetCheck,
  monitoring.answerAssetCheck,
  monitoring.recordDeliberation,
  monitoring.recordNotice,
  monitoring.recordTownReview,
  monitoring.recordCountyApproval,
  monitoring.proposeElimination,
  monitoring.proposeRollback,
  monitoring.proposeRemoval,
  assistance.getHouseholdMonitoring,
  assistance.setContact,
  assistance.addMeasure,
  assistance.updateMeasure,
  assistance.addAssessment,
  assistance.recordIncome,
  householdFile.getHouseholdFile,
  householdFile.printHouseholdFile,
];

export const monitoringArea: Area = {
  functions: [
    api(
      monitoring.MONITORING_API,
      'functions/monitoring/api.ts',
      'Monitoring API: leads, procedures, assistance, household file',
      {
        memoryMb: 512,
        timeoutSeconds: 29,
        tables: { main: 'readwrite', audit: 'write' },
      },
    ),
    {
      name: 'check-monitoring-overdue',
      entry: 'functions/monitoring/check-monitoring-overdue.ts',
      description: 'Schedule: raise and clear overdue alerts of monitoring procedures',
      memoryMb: 256,
      timeoutSeconds: 120,
      tables: { main: 'readwrite' },
    },
  ],
  routes: ROUTES,
  schedules: [
    {
      name: 'monitoring-overdue-check',
      description: '每日 00:20 检查监测识别程序及帮扶落实是否超时并预警',
      cron: 'cron(20 0 * * ? *)',
      timezone: 'Asia/Shanghai',
      target: { function: 'check-monitoring-overdue' },
    },
  ],
};

/**
 * The area counters' reader: the dashboard per scope and the alerts read from the counters (SPEC
 * §4.7). Its routes go to ONE function, `dashboard-api` (`functions/dashboard/api.ts`); the daily
 * sweep of the area alerts is a schedule on a function of its own.
 */
import * as dashboard from '../../contracts/dashboard.ts';
import type { RouteDecl } from '../declaration-types.ts';
import { api, type Area } from './area.ts';

const ROUTES: readonly RouteDecl[] = [dashboard.getDashboard, dashboard.refreshAreaAlerts];

export const dashboardArea: Area = {
  functions: [
    api(
      dashboard.DASHBOARD_API,
      'functions/dashboard/api.ts',
      'Dashboard API: the dashboard per scope, area alerts on demand',
      {
        memoryMb: 512,
        timeoutSeconds: 29,
        tables: { main: 'readwrite' },
      },
    ),
    {
      name: 'sweep-area-alerts',
      entry: 'functions/dashboard/sweep-area-alerts.ts',
      description:
        'Schedule: raise and clear the 2 % and blank-village alerts of every county from its area counters',
      memoryMb: 256,
      timeoutSeconds: 300,
      tables: { main: 'readwrite' },
    },
  ],
  routes: ROUTES,
  schedules: [
    {
      name: 'area-alerts-sweep',
      description: '每日 05:40 按区域计数器评估监测对象占比超过 2% 的村镇及空白村预警',
      cron: 'cron(40 5 * * ? *)',
      timezone: 'Asia/Shanghai',
      target: { function: 'sweep-area-alerts' },
    },
  ],
};

/** The submission board, its deadline check on the 6th, and alerts. */
import * as board from '../../contracts/board.ts';
import * as alerts from '../../contracts/alerts.ts';
import { api, type Area } from './area.ts';

export const boardArea: Area = {
  functions: [
    api('get-submission-board', 'functions/board/get-submission-board.ts', 'Submission board of a month', {
      tables: { main: 'read' },
    }),
    api(alerts.ALERTS_API, 'functions/alerts/api.ts', 'Alerts in scope: the open list, one by kind and key', {
      tables: { main: 'read' },
    }),
    {
      name: 'check-missing-submissions',
      entry: 'functions/board/check-missing-submissions.ts',
      description: 'Schedule: mark departments that missed the due day, raise alerts',
      memoryMb: 256,
      timeoutSeconds: 60,
      tables: { main: 'readwrite' },
    },
  ],
  routes: [board.getSubmissionBoard, alerts.listAlerts, alerts.getAlert],
  schedules: [
    {
      name: 'submission-deadline-check',
      description: '每月 6 日 00:10 标记未按时报送的部门并预警',
      cron: 'cron(10 0 6 * ? *)',
      timezone: 'Asia/Shanghai',
      target: { function: 'check-missing-submissions' },
    },
  ],
};

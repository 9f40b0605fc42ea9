/**
 * The holiday calendar, village deliberation, public notice and objections (SPEC §3.5, §4.3, §4.5).
 * All its routes go to ONE function, `notices-api` (`functions/notices/api.ts`), to keep the
 * stateless stack under CloudFormation's 500 resources; notices are closed by an hourly schedule.
 */
import * as calendar from '../../contracts/calendar.ts';
import * as deliberations from '../../contracts/deliberations.ts';
import * as notices from '../../contracts/notices.ts';
import { api, MAIN_RW, type Area } from './area.ts';

export const noticesArea: Area = {
  functions: [
    api(
      notices.NOTICES_API,
      'functions/notices/api.ts',
      'Notices API: holiday calendar, deliberations, notices, objections',
      { memoryMb: 512, timeoutSeconds: 29, tables: MAIN_RW },
    ),
    {
      name: 'close-due-notices',
      entry: 'functions/notices/close-due-notices.ts',
      description: 'Schedule: close notices past their end with no open objection',
      memoryMb: 256,
      timeoutSeconds: 120,
      tables: MAIN_RW,
    },
  ],
  routes: [
    calendar.getCalendar,
    calendar.putCalendar,
    deliberations.recordDeliberation,
    deliberations.getDeliberation,
    deliberations.listDeliberations,
    notices.postNotice,
    notices.getNotice,
    notices.listNotices,
    notices.printNotice,
    notices.recordObjection,
    notices.resolveObjection,
    notices.closeNotice,
  ],
  schedules: [
    {
      name: 'notice-expiry',
      description: '每小时第 5 分钟结束公示期满且无未办结异议的公示',
      cron: 'cron(5 * * * ? *)',
      timezone: 'Asia/Shanghai',
      target: { function: 'close-due-notices' },
    },
  ],
};

/** The submission board (报送看板, SPEC §3.1). */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { BoardRow } from '../domain/submission-board.ts';
import { errorResponses } from './common.ts';

export const SubmissionBoard = z
  .object({
    countyCode: z.string(),
    month: z.string().meta({ description: '截止月份 YYYY-MM（报送上月数据）' }),
    dueAt: z.string().meta({ description: '截止时刻（该月截止日 24:00，上海时间）' }),
    rows: z.array(BoardRow),
  })
  .meta({ id: 'SubmissionBoard' });

export const getSubmissionBoard = route({
  method: 'GET',
  path: '/submission-board',
  function: 'get-submission-board',
  roles: ['county_staff', 'auditor', 'department'],
  summary: '部门报送看板：按月、按部门显示按时/逾期/未报送/待报送及行数；部门只看本部门',
  tag: 'referrals',
  request: {
    query: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
        .optional()
        .meta({ description: '截止月份，默认为上海时间的当前月份' }),
    }),
  },
  responses: { 200: { description: '看板', schema: SubmissionBoard }, ...errorResponses },
});

/**
 * The submission board (报送看板, SPEC §3.1): for a county and a due month, each department expected
 * that month (and any other that pushed) as received on time / late / missing / pending, with the
 * number of submissions and the rows accepted and rejected. Pure: the stores hand it the month's
 * submissions and the departments the 6th's check marked missing.
 */
import { z } from 'zod';
import { DEPARTMENTS, type Department } from '../auth/roles.ts';
import { dueMoment } from './submission.ts';

export const DEPARTMENT_LABELS: Readonly<Record<Department, string>> = {
  medical_insurance: '医保局',
  civil_affairs: '民政局',
  emergency_management: '应急管理局',
  education: '教育局',
  housing: '住建局',
  water: '水利局',
  disability_federation: '残联',
  human_resources: '人社局',
  agriculture: '农业农村局',
  finance_office: '金融办',
  police: '公安局',
  natural_resources: '自然资源局',
  market_regulation: '市场监管局',
};

export const BOARD_STATUSES = ['on_time', 'late', 'missing', 'pending'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BoardRow = z
  .object({
    department: z.enum(DEPARTMENTS),
    departmentLabel: z.string(),
    /** Whether the department is due to push this month (education only in its months). */
    expected: z.boolean(),
    status: z.enum(BOARD_STATUSES),
    submissions: z.number().int(),
    /** Of those, refused whole (not a CSV/XLSX, wrong columns, too large); they do not count as received. */
    refused: z.number().int(),
    rowsAccepted: z.number().int(),
    rowsRejected: z.number().int(),
    latestReceivedAt: z.string().optional(),
    /** When the 6th's check marked it missing (it stays recorded after a late push). */
    markedMissingAt: z.string().optional(),
  })
  .meta({ id: 'SubmissionBoardRow' });
export type BoardRow = z.infer<typeof BoardRow>;

export interface ReferralSchedule {
  readonly dueDay: number;
  readonly monthlyDepartments: readonly Department[];
  readonly educationMonths: readonly number[];
}

/** The departments due to push in `month` (`YYYY-MM`): the monthly ones, education in its months. */
export const expectedDepartments = (schedule: ReferralSchedule, month: string): Department[] => {
  const monthNumber = Number(month.slice(5, 7));
  const expected = [...schedule.monthlyDepartments];
  if (schedule.educationMonths.includes(monthNumber) && !expected.includes('education'))
    expected.push('education');
  return expected;
};

/** What the board needs of a submission. */
export interface BoardSubmission {
  readonly department: Department;
  readonly receivedAt: string;
  readonly timeliness: 'on_time' | 'late';
  readonly status: string;
  readonly counts?: { readonly accepted: number; readonly rejected: number };
}

export interface BoardInput {
  readonly month: string;
  readonly now: Date;
  readonly schedule: ReferralSchedule;
  readonly submissions: readonly BoardSubmission[];
  readonly missingMarks: ReadonlyMap<Department, string>;
}

const statusOf = (received: readonly BoardSubmission[], pastDue: boolean, marked: boolean): BoardStatus => {
  if (received.some((s) => s.timeliness === 'on_time')) return 'on_time';
  if (received.length > 0) return 'late';
  return pastDue || marked ? 'missing' : 'pending';
};

const rowOf = (department: Department, expected: boolean, input: BoardInput, pastDue: boolean): BoardRow => {
  const own = input.submissions.filter((s) => s.department === department);
  const received = own.filter((s) => s.status !== 'refused');
  const markedAt = input.missingMarks.get(department);
  const latest = own
    .map((s) => s.receivedAt)
    .sort()
    .at(-1);
  return {
    department,
    departmentLabel: DEPARTMENT_LABELS[department],
    expected,
    status: statusOf(received, pastDue, markedAt !== undefined),
    submissions: own.length,
    refused: own.length - received.length,
    rowsAccepted: received.reduce((sum, s) => sum + (s.counts?.accepted ?? 0), 0),
    rowsRejected: received.reduce((sum, s) => sum + (s.counts?.rejected ?? 0), 0),
    ...(latest ? { latestReceivedAt: latest } : {}),
    ...(markedAt ? { markedMissingAt: markedAt } : {}),
  };
};

/** The board's rows: expected departments in configured order, then any other that pushed. */
export const boardRows = (input: BoardInput): BoardRow[] => {
  const expected = expectedDepartments(input.schedule, input.month);
  const pastDue = input.now.getTime() >= dueMoment(input.month, input.schedule.dueDay).getTime();
  const others = DEPARTMENTS.filter(
    (d) => !expected.includes(d) && input.submissions.some((s) => s.department === d),
  );
  return [
    ...expected.map((d) => rowOf(d, true, input, pastDue)),
    ...others.map((d) => rowOf(d, false, input, pastDue)),
  ];
};

/** Departments due this month, past the due moment, with nothing received: the 6th's check marks them. */
export const missingDepartments = (input: Omit<BoardInput, 'missingMarks'>): Department[] =>
  boardRows({ ...input, missingMarks: new Map() })
    .filter((row) => row.expected && row.status === 'missing')
    .map((row) => row.department);

/** The key of a department's `missing_submission` alert for a due month. */
export const missingSubmissionKey = (department: string, dueMonth: string): string =>
  `${department}#${dueMonth}`;

const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export const missingSubmissionAlertText = (department: Department, month: string, dueDay: number) => ({
  title: `${DEPARTMENT_LABELS[department]}未按时报送转介数据（${monthLabel(month)}）`,
  detail: `${DEPARTMENT_LABELS[department]}应于${monthLabel(month)}${dueDay}日前推送上月转介数据，截止时尚未收到任何提交。`,
});

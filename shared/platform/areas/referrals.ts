/**
 * Department referrals (SPEC §3.1): submissions by JSON batch or file, the intake state machine
 * and the schedule that resumes stalled intakes.
 */
import * as submissions from '../../contracts/submissions.ts';
import type { FunctionDecl } from '../declaration-types.ts';
import { api, MAIN_RW, type Area } from './area.ts';

const INTAKE = 'referral-intake';

const task = (
  name: string,
  entry: string,
  description: string,
  extra: Partial<FunctionDecl> = {},
): FunctionDecl => ({
  name,
  entry,
  description,
  memoryMb: 1024,
  timeoutSeconds: 120,
  tables: { main: 'readwrite' },
  buckets: { evidence: 'read' },
  ...extra,
});

export const referralsArea: Area = {
  functions: [
    api('submit-batch', 'functions/referrals/submit-batch.ts', 'A department pushes a JSON batch', {
      memoryMb: 512,
      timeoutSeconds: 29,
      tables: { main: 'readwrite' },
      buckets: { evidence: 'write' },
      startsStateMachines: [INTAKE],
    }),
    api(
      'announce-submission-file',
      'functions/referrals/announce-submission-file.ts',
      'Presigned PUT for a department file',
      {
        tables: { main: 'readwrite' },
        buckets: { evidence: 'write' },
      },
    ),
    api('list-submissions', 'functions/referrals/list-submissions.ts', 'Submissions in scope', {
      tables: { main: 'read' },
    }),
    api('get-submission', 'functions/referrals/get-submission.ts', 'A submission’s status and counts', {
      tables: { main: 'read' },
    }),
    api('list-submission-errors', 'functions/referrals/list-submission-errors.ts', 'Rejected rows', {
      tables: { main: 'read' },
    }),
    api(
      'get-submission-errors-csv',
      'functions/referrals/get-submission-errors-csv.ts',
      'Rejected rows as CSV',
      {
        timeoutSeconds: 29,
        tables: { main: 'read' },
      },
    ),
    api(
      'start-file-intake',
      'functions/referrals/start-file-intake.ts',
      'S3 notification: a department file arrived',
      {
        tables: { main: 'readwrite' },
        startsStateMachines: [INTAKE],
      },
    ),
    task(
      'load-submission',
      'functions/referrals/load-submission.ts',
      'Task: refuse, dedupe or open a submission',
      {
        timeoutSeconds: 300,
        tables: { main: 'readwrite' },
      },
    ),
    task('ingest-rows', 'functions/referrals/ingest-rows.ts', 'Task: take in rows in checkpointed chunks', {
      memoryMb: 1536,
      timeoutSeconds: 900,
      tables: MAIN_RW,
    }),
    task('summarize-intake', 'functions/referrals/summarize-intake.ts', 'Task: counts from the checkpoints', {
      buckets: {},
    }),
    task(
      'mark-intake-failed',
      'functions/referrals/mark-intake-failed.ts',
      'Task: record a failed intake run',
      {
        buckets: {},
      },
    ),
    task(
      'resume-stalled-intakes',
      'functions/referrals/resume-stalled-intakes.ts',
      'Schedule: restart stalled intakes',
      {
        buckets: {},
        startsStateMachines: [INTAKE],
      },
    ),
  ],
  routes: [
    submissions.submitBatch,
    submissions.announceFile,
    submissions.listSubmissions,
    submissions.getSubmission,
    submissions.listSubmissionErrors,
    submissions.getSubmissionErrorsCsv,
  ],
  stateMachines: [
    {
      name: INTAKE,
      file: 'statemachines/referral-intake.asl.json',
      description:
        'Department submission intake: refuse or dedupe the file, rows in checkpointed chunks, counts',
      functions: {
        LoadSubmissionFunctionArn: 'load-submission',
        IngestRowsFunctionArn: 'ingest-rows',
        SummarizeIntakeFunctionArn: 'summarize-intake',
        MarkIntakeFailedFunctionArn: 'mark-intake-failed',
      },
    },
  ],
  schedules: [
    {
      name: 'resume-stalled-intakes',
      description: '每 10 分钟重启停滞的部门数据处理（从检查点继续）',
      cron: 'cron(0/10 * * * ? *)',
      timezone: 'Asia/Shanghai',
      target: { function: 'resume-stalled-intakes' },
      input: { staleAfterSeconds: 600 },
    },
  ],
};

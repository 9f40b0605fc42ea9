/**
 * The declared schedules on a local timer (croner, Asia/Shanghai), each starting its state
 * machine or invoking its function as EventBridge Scheduler would. `runNow` fires one at once.
 */
import { Cron } from 'croner';
import type { ScheduleDecl } from '../../shared/platform/declaration-types.ts';
import { eventBridgeCronToCroner } from './cron.ts';
import type { ExecutionRecord, LocalStepFunctions } from './step-functions.ts';
import type { LocalFunctions } from './functions.ts';

export interface ScheduleRun {
  readonly schedule: string;
  /** For a state machine target: the finished execution. */
  readonly execution?: ExecutionRecord;
  /** For a function target: what it returned. */
  readonly result?: unknown;
}

export interface LocalScheduler {
  runNow(name: string): Promise<ScheduleRun>;
  nextRun(name: string): Date | undefined;
  stop(): void;
}

export const createScheduler = (options: {
  readonly schedules: readonly ScheduleDecl[];
  readonly stepFunctions: LocalStepFunctions;
  readonly functions: LocalFunctions;
  /** Start the timers (false: only `runNow`). */
  readonly timers: boolean;
  readonly quiet?: boolean;
}): LocalScheduler => {
  const byName = new Map(options.schedules.map((schedule) => [schedule.name, schedule]));

  const runNow = async (name: string): Promise<ScheduleRun> => {
    const schedule = byName.get(name);
    if (!schedule) throw new Error(`schedule ${name} is not declared`);
    const input = schedule.input ?? {};
    if ('stateMachine' in schedule.target) {
      const execution = await options.stepFunctions.startExecution(schedule.target.stateMachine, input);
      return { schedule: name, execution };
    }
    return { schedule: name, result: await options.functions.invoke(schedule.target.function, input) };
  };

  const jobs = new Map(
    options.schedules.map((schedule) => {
      const job = new Cron(
        eventBridgeCronToCroner(schedule.cron),
        {
          timezone: schedule.timezone,
          mode: '5-part',
          paused: !options.timers,
          protect: true,
          name: schedule.name,
        },
        async () => {
          if (!options.quiet) console.log(`schedule ${schedule.name} (${schedule.description}) fires`);
          try {
            const run = await runNow(schedule.name);
            if (run.execution && run.execution.status !== 'SUCCEEDED')
              console.error(
                `schedule ${schedule.name}: execution ${run.execution.status}`,
                run.execution.cause,
              );
          } catch (error) {
            console.error(`schedule ${schedule.name} failed:`, error);
          }
        },
      );
      return [schedule.name, job] as const;
    }),
  );

  return {
    runNow,
    nextRun: (name) => jobs.get(name)?.nextRun() ?? undefined,
    stop() {
      for (const job of jobs.values()) job.stop();
    },
  };
};

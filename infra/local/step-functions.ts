/**
 * The declared state machines on aws-local-stepfunctions: the same ASL files CDK deploys, each
 * Task whose Resource is a `${Placeholder}` (or `arn:aws:states:::lambda:invoke` with that
 * placeholder as FunctionName) running the declared function in process. A task that throws
 * fails with the error's `name` as the ASL error, so Retry and Catch match as on AWS.
 * Executions are kept in memory; the business state lives in DynamoDB.
 */
import './polyfills.ts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import type { StateMachineDecl } from '../../shared/platform/declaration-types.ts';
import type { LocalFunctions } from './functions.ts';
import { executionArn, stateMachineArn } from './names.ts';
import { REPO_ROOT } from './paths.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly stateMachine: string;
  readonly name: string;
  status: ExecutionStatus;
  readonly startDate: Date;
  stopDate?: Date;
  /** JSON text, as Step Functions keeps it. */
  readonly input: string;
  output?: string;
  error?: string;
  cause?: string;
}

export class StepFunctionsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** Finished executions kept for Describe/List (a long `npm start` should not grow without bound). */
const KEEP_FINISHED = 1000;
const LAMBDA_INVOKE = /^arn:aws(-cn)?:states:::lambda:invoke$/;
const PLACEHOLDER = /^\$\{(\w+)\}$/;

interface TaskBinding {
  readonly function: string;
  /** `direct`: Resource is the function; `invoke`: the lambda:invoke integration. */
  readonly mode: 'direct' | 'invoke';
}

type States = StateMachineDefinition['States'];
type AnyState = States[string];

const nestedDefinitions = (state: AnyState): { States: States }[] => {
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor ? [processor] : [];
  }
  if (state.Type === 'Parallel') return state.Branches;
  return [];
};

/** Every state of a definition, Map and Parallel branches included, with its name. */
export const allStates = (definition: { States: States }): [string, AnyState][] =>
  Object.entries(definition.States).flatMap(([name, state]) => [
    [name, state] as [string, AnyState],
    ...nestedDefinitions(state).flatMap(allStates),
  ]);

/** The placeholders an ASL definition's Task states use. */
export const placeholdersOf = (definition: { States: States }): Set<string> => {
  const found = new Set<string>();
  for (const [, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const resource = PLACEHOLDER.exec(state.Resource)?.[1];
    if (resource) found.add(resource);
    const parameters = state.Parameters as Record<string, unknown> | undefined;
    const fn =
      typeof parameters?.FunctionName === 'string' ? PLACEHOLDER.exec(parameters.FunctionName) : null;
    if (LAMBDA_INVOKE.test(state.Resource) && fn?.[1]) found.add(fn[1]);
  }
  return found;
};

/** Task state name → the declared function it runs (names are global across branches locally). */
export const taskBindings = (
  machine: Pick<StateMachineDecl, 'name' | 'functions'>,
  definition: { States: States },
): Record<string, TaskBinding> => {
  const bindings: Record<string, TaskBinding> = {};
  for (const [stateName, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const parameters = state.Parameters as Record<string, unknown> | undefined;
    const direct = PLACEHOLDER.exec(state.Resource)?.[1];
    const viaInvoke =
      LAMBDA_INVOKE.test(state.Resource) && typeof parameters?.FunctionName === 'string'
        ? PLACEHOLDER.exec(parameters.FunctionName)?.[1]
        : undefined;
    const placeholder = direct ?? viaInvoke;
    if (!placeholder)
      throw new Error(
        `${machine.name}: Task ${stateName} has Resource ${state.Resource}; locally only \${Placeholder} ` +
          'Lambda tasks run (declare the function in the state machine’s `functions` map)',
      );
    const fn = machine.functions[placeholder];
    if (!fn)
      throw new Error(`${machine.name}: \${${placeholder}} (Task ${stateName}) is not in the declaration`);
    if (bindings[stateName] && bindings[stateName].function !== fn)
      throw new Error(`${machine.name}: two Task states named ${stateName} run different functions`);
    bindings[stateName] = { function: fn, mode: direct ? 'direct' : 'invoke' };
  }
  return bindings;
};

export const loadDefinition = (machine: Pick<StateMachineDecl, 'name' | 'file'>, root = REPO_ROOT) => {
  const definition = JSON.parse(
    readFileSync(resolve(root, machine.file), 'utf8'),
  ) as StateMachineDefinition & {
    QueryLanguage?: string;
  };
  const jsonata = [definition, ...allStates(definition).map(([, state]) => state)].some(
    (node) => (node as { QueryLanguage?: string }).QueryLanguage === 'JSONata',
  );
  if (jsonata)
    throw new Error(
      `${machine.name}: JSONata is ignored by the local runner; write ${machine.file} in JSONPath`,
    );
  return definition;
};

/**
 * What a Lambda task failure looks like to Retry/Catch on AWS: the error name is the
 * `errorType`, the cause a JSON text with `errorType`, `errorMessage` and `trace`.
 */
class TaskFailed extends Error {
  constructor(original: Error) {
    super(
      JSON.stringify({
        errorType: original.name,
        errorMessage: original.message,
        trace: (original.stack ?? '').split('\n'),
      }),
    );
    this.name = original.name;
  }
}

export interface StepFunctionsOptions {
  readonly machines: readonly StateMachineDecl[];
  readonly functions: LocalFunctions;
  readonly root?: string;
  /** Milliseconds between retries instead of IntervalSeconds/BackoffRate/Jitter (tests). */
  readonly retryIntervalMs?: number;
  /** Milliseconds for every Wait state instead of its Seconds/Timestamp (tests). */
  readonly waitMs?: number;
  readonly quiet?: boolean;
}

export interface LocalStepFunctions {
  readonly arns: Readonly<Record<string, string>>;
  /** Starts an execution and returns at once; `done` settles when it stops. */
  start(
    name: string,
    input?: unknown,
    options?: { executionName?: string },
  ): { record: ExecutionRecord; done: Promise<ExecutionRecord> };
  /** Starts an execution and resolves when it has stopped (status, output or error/cause). */
  startExecution(
    name: string,
    input?: unknown,
    options?: { executionName?: string },
  ): Promise<ExecutionRecord>;
  describe(executionArn: string): ExecutionRecord | undefined;
  list(stateMachineArn: string): ExecutionRecord[];
  /** Aborts one running execution; resolves with its record once stopped. */
  abort(executionArn: string): Promise<ExecutionRecord | undefined>;
  /** Aborts running executions. */
  stop(): Promise<void>;
}

export const createStepFunctions = (options: StepFunctionsOptions): LocalStepFunctions => {
  const machines = new Map(
    options.machines.map((machine) => {
      const definition = loadDefinition(machine, options.root);
      const bindings = taskBindings(machine, definition);
      // aws-local-stepfunctions times a Task out after 60 s by default; on AWS only the
      // function's own timeout bounds it. Give each Task its function's timeout (plus slack).
      for (const [stateName, state] of allStates(definition)) {
        const binding = bindings[stateName];
        if (state.Type !== 'Task' || !binding || state.TimeoutSeconds || state.TimeoutSecondsPath) continue;
        state.TimeoutSeconds = options.functions.declared(binding.function).timeoutSeconds + 5;
      }
      // Default validation: a `${Placeholder}` Resource passes it (turning the ARN check off does not).
      const stateMachine = new StateMachine(definition);
      const retryable = allStates(definition)
        .filter(([, state]) => state.Type === 'Task' || state.Type === 'Map' || state.Type === 'Parallel')
        .map(([stateName]) => stateName);
      const waits = allStates(definition)
        .filter(([, state]) => state.Type === 'Wait')
        .map(([stateName]) => stateName);
      return [machine.name, { machine, stateMachine, bindings, retryable, waits }] as const;
    }),
  );
  const executions = new Map<string, ExecutionRecord>();
  const running = new Map<string, { abort: () => void; done: Promise<ExecutionRecord> }>();

  const taskHandler = (binding: TaskBinding) => async (input: unknown) => {
    try {
      if (binding.mode === 'direct')
        return (await options.functions.invoke(binding.function, input)) as never;
      const payload = (input as { Payload?: unknown } | null)?.Payload ?? {};
      const result = await options.functions.invoke(binding.function, payload);
      return { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200 } as never;
    } catch (error) {
      throw new TaskFailed(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const start: LocalStepFunctions['start'] = (name, input = {}, startOptions = {}) => {
    const entry = machines.get(name);
    if (!entry)
      throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: ${name}`);
    const inputText = JSON.stringify(input ?? {});
    const executionName = startOptions.executionName ?? randomUUID();
    const arn = executionArn(name, executionName);
    const existing = executions.get(arn);
    if (existing) {
      if (existing.input === inputText) {
        return { record: existing, done: running.get(arn)?.done ?? Promise.resolve(existing) };
      }
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const record: ExecutionRecord = {
      executionArn: arn,
      stateMachineArn: stateMachineArn(name),
      stateMachine: name,
      name: executionName,
      status: 'RUNNING',
      startDate: new Date(),
      input: inputText,
    };
    executions.set(arn, record);
    const handlers = Object.fromEntries(
      Object.entries(entry.bindings).map(([stateName, binding]) => [stateName, taskHandler(binding)]),
    );
    const execution = entry.stateMachine.run(JSON.parse(inputText), {
      overrides: {
        taskResourceLocalHandlers: handlers,
        ...(options.retryIntervalMs !== undefined
          ? {
              retryIntervalOverrides: Object.fromEntries(
                entry.retryable.map((s) => [s, options.retryIntervalMs ?? 0]),
              ),
            }
          : {}),
        ...(options.waitMs !== undefined
          ? { waitTimeOverrides: Object.fromEntries(entry.waits.map((s) => [s, options.waitMs ?? 0])) }
          : {}),
      },
      context: {
        Execution: { Id: arn, Name: executionName, RoleArn: 'arn:aws:iam::000000000000:role/local' },
        StateMachine: { Id: record.stateMachineArn, Name: name },
      },
    });
    const done = execution.result
      .then((output) => {
        record.status = 'SUCCEEDED';
        record.output = JSON.stringify(output);
      })
      .catch((error: unknown) => {
        if (error instanceof ExecutionTimeoutError) {
          record.status = 'TIMED_OUT';
          record.error = 'States.Timeout';
        } else if (error instanceof ExecutionAbortedError) {
          record.status = 'ABORTED';
        } else {
          const cause = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
          record.status = 'FAILED';
          record.error = cause instanceof Error ? cause.name : 'Error';
          record.cause = cause instanceof Error ? cause.message : String(cause);
        }
      })
      .then(() => {
        record.stopDate = new Date();
        running.delete(arn);
        for (const [oldArn, old] of executions) {
          if (executions.size - running.size <= KEEP_FINISHED) break;
          if (old.status !== 'RUNNING') executions.delete(oldArn);
        }
        if (!options.quiet) {
          const took = record.stopDate.getTime() - record.startDate.getTime();
          const why = record.error ? ` ${record.error}: ${record.cause ?? ''}` : '';
          console.log(`state machine ${name} ${executionName} → ${record.status} (${took} ms)${why}`);
        }
        return record;
      });
    running.set(arn, { abort: execution.abort, done });
    return { record, done };
  };

  return {
    arns: Object.fromEntries([...machines.keys()].map((name) => [name, stateMachineArn(name)])),
    start,
    startExecution: (name, input, startOptions) => start(name, input, startOptions).done,
    describe: (arn) => executions.get(arn),
    list: (machineArn) =>
      [...executions.values()]
        .filter((record) => record.stateMachineArn === machineArn)
        .sort((a, b) => b.startDate.getTime() - a.startDate.getTime()),
    async abort(arn) {
      const execution = running.get(arn);
      if (!execution) return executions.get(arn);
      execution.abort();
      return execution.done;
    },
    async stop() {
      const pending = [...running.values()];
      for (const execution of pending) execution.abort();
      await Promise.allSettled(pending.map((execution) => execution.done));
    },
  };
};

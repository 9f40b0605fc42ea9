/**
 * Starts the local runtime once for the integration tests: DynamoDB Local in memory, s3rver in
 * a temp dir, the gateway on a free port, the state machines, the demo seed; no schedule timers.
 * The handlers run in this process; the tests reach them over HTTP.
 */
import type { TestProject } from 'vitest/node';
import { startRuntime } from '../../../infra/local/runtime.ts';
import type { LocalRuntimeContext } from './context.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The injectable clock (`x-fpb-now`, a task's `now`): honoured by the handlers in this process
  // and, inherited, by the test workers that invoke a handler directly.
  process.env.FPB_ALLOW_CLOCK_OVERRIDE = 'true';
  const runtime = await startRuntime({
    inMemory: true,
    port: 0,
    seed: true,
    schedules: false,
    quiet: true,
    retryIntervalMs: 100,
  });
  const context: LocalRuntimeContext = {
    url: runtime.url,
    issuer: {
      keyDir: runtime.issuer.keyDir,
      issuer: runtime.issuer.issuer,
      audience: runtime.issuer.audience,
    },
    endpoints: runtime.endpoints,
    tables: runtime.tables,
    buckets: runtime.buckets,
    stateMachineArns: runtime.stepFunctions.arns,
    env: runtime.env,
    dynamoDbPid: runtime.dynamoDbPid,
  };
  project.provide('localRuntime', context);
  return () => runtime.stop();
}

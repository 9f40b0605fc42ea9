/**
 * The local runtime in its own process, for tests that kill it (SIGKILL) and start it again on
 * the same data directory. Prints one JSON line when up; reads commands on stdin:
 * `run <schedule>` → fires the schedule now and prints `{"ran": name, "run": …}`;
 * `invoke <function> <json>` → invokes a declared function and prints `{"invoked": name, "result": …}`.
 */
import '../../../infra/local/node-env.ts';
import { createInterface } from 'node:readline';
import { startRuntime } from '../../../infra/local/runtime.ts';

const dataDir = process.env.FPB_CHILD_DATA_DIR;
if (!dataDir) throw new Error('FPB_CHILD_DATA_DIR is required');

const runtime = await startRuntime({ dataDir, port: 0, schedules: false, quiet: true, seed: true });
const ready = {
  ready: true,
  url: runtime.url,
  endpoints: runtime.endpoints,
  tables: runtime.tables,
  buckets: runtime.buckets,
  dynamoDbPid: runtime.dynamoDbPid,
  issuer: { keyDir: runtime.issuer.keyDir, issuer: runtime.issuer.issuer, audience: runtime.issuer.audience },
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, name] = line.trim().split(/\s+/);
  if (command === 'run' && name) {
    const run = await runtime.scheduler.runNow(name);
    process.stdout.write(`${JSON.stringify({ ran: name, run })}\n`);
  }
  if (command === 'invoke' && name) {
    const event = JSON.parse(line.trim().split(/\s+/).slice(2).join(' ') || '{}') as unknown;
    const result = await runtime.functions.invoke(name, event);
    process.stdout.write(`${JSON.stringify({ invoked: name, result })}\n`);
  }
  if (command === 'stop') {
    await runtime.stop();
    process.exit(0);
  }
}

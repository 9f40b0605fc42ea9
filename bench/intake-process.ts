/**
 * The intake in a process of its own, as its Lambda runs it: `node --import tsx
 * bench/intake-process.ts <submissionId>` with the handlers' environment runs IngestRows until the
 * submission is done (then the summary), sampling this process's memory, and prints one JSON
 * line `{ seconds, peakRssMb, peakHeapMb, counts, cpuSeconds, database }` (where the time went, seen from the
 * database: reads, writes or nothing in flight, `in-flight.ts`). `intake-bench.ts` starts it for the memory
 * figure of the intake alone (the runtime's process also holds the gateway and the S3 server).
 */
import '../infra/local/node-env.ts';
import { intakeDeps } from '../shared/adapters/intake-deps.ts';
import { ingestRows } from '../shared/usecases/intake/ingest-rows.ts';
import { summarize } from '../shared/usecases/intake/summarize.ts';
import { dynamo } from '../shared/adapters/aws-clients.ts';
import { samplePeakMemory } from './peak-memory.ts';
import { traceInFlight } from './in-flight.ts';

const MB = 1024 * 1024;
const submissionId = process.argv[2];
if (!submissionId) throw new Error('usage: intake-process.ts <submissionId>');

const sampler = samplePeakMemory();
const inFlight = traceInFlight(dynamo);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// A Lambda invocation's budget: 15 minutes, stop starting chunks with a minute left.
for (;;) {
  const started = performance.now();
  const result = await ingestRows(intakeDeps, submissionId, {
    remainingMs: () => 15 * 60_000 - (performance.now() - started),
    reserveMs: 60_000,
  });
  if (result.done) break;
}
const counts = await summarize(intakeDeps, submissionId);
const seconds = (performance.now() - t0) / 1000;
const peak = sampler.stop();
const database = inFlight.stop();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    seconds,
    peakRssMb: Math.round(peak.rss / MB),
    peakHeapMb: Math.round(peak.heap / MB),
    counts,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    database,
  })}\n`,
);

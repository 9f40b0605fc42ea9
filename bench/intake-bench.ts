/**
 * `npm run bench`: the referral intake against the raw write rate of the same DynamoDB Local,
 * in one run. 1. starts the local runtime (DynamoDB Local in memory, s3rver, gateway, state
 * machines); 2. registers the N people of the file as households (raw writes, not timed: the
 * usual month, where the people departments report are already in the registry), then takes in
 * a small file of the month before (a tenth of N, at least 2,000 rows, not timed) so that DynamoDB
 * Local's JVM has compiled the reads, writes and indexes both sides use, and the runtime has
 * loaded its code — a platform that has been up for a while; 3. raw BatchWriteItem of N small items (25 a request, as many in parallel as the
 * intake sends); 4. a generated N-row CSV pushed by a department through the API (presigned PUT,
 * S3 notification, the referral-intake state machine), timed from the PUT to `done`; 5. the raw
 * writes again — the baseline is the mean of both, so a machine that gets busier or quieter
 * during the run moves both sides; 6. prints rows/s, `intake ratio: X.XX` (intake ÷ raw); 7. a
 * second file taken in by the intake alone in a child process (`intake-process.ts`, as its
 * Lambda runs it) for `intake peak memory`. `--new-people` adds a file about N people nobody
 * knows yet, so each row also registers a household.
 *
 *   npm run bench [-- --rows 100000] [-- --new-people]
 *
 * `BENCH_CPU_PROFILE=<dir>` writes a V8 CPU profile of the intake alone into that folder.
 */
import '../infra/local/node-env.ts';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS } from '../infra/local/s3-server.ts';
import { submissionItem } from '../shared/domain/submission.ts';
import { startRuntime, type LocalRuntime } from '../infra/local/runtime.ts';
import { demoUser } from '../infra/local/demo-county.ts';
import { batchPut } from '../shared/adapters/batch-io.ts';
import { INTAKE_PARALLEL } from '../shared/adapters/intake-row-store.ts';
import { householdItem, residentClaimItem } from '../shared/adapters/household-store.ts';
import { intakeHousehold } from '../shared/usecases/intake/intake-household.ts';
import { rowFromValues } from '../shared/intake/row-from-values.ts';
import { DEMO_REGIONS } from '../infra/local/demo-county.ts';
import { samplePeakMemory, type PeakMemory } from './peak-memory.ts';
import { rawItem } from './raw-item.ts';
import type { InFlight } from './in-flight.ts';
import { generateReferralRows, writeCsv, type GeneratedDepartment } from './generate-referral-file.ts';

const argRows = process.argv.indexOf('--rows');
const ROWS = Number(argRows >= 0 ? process.argv[argRows + 1] : (process.env.BENCH_ROWS ?? 100_000));
const NEW_PEOPLE = process.argv.includes('--new-people');
/** Rows of the warm-up file: a tenth of the file, at least 2,000. */
const WARM_ROWS = Math.min(ROWS, Math.max(2_000, Math.round(ROWS / 10)));
const MB = 1024 * 1024;

/** Samples the peak memory while `work` runs; the intake runs in this process. */
const withPeakMemory = async <T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRss: number; peakHeap: number }> => {
  const sampler = samplePeakMemory();
  let peak: PeakMemory | undefined;
  try {
    const result = await work();
    peak = sampler.stop();
    return { result, peakRss: peak.rss, peakHeap: peak.heap };
  } finally {
    if (!peak) sampler.stop();
  }
};

const clientOf = (runtime: LocalRuntime) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.endpoints.dynamodb, region: runtime.env.AWS_REGION }),
  );

/** The people of the file as households of their villages, as earlier months would have left them. */
const registerPeople = async (runtime: LocalRuntime, personOffset: number): Promise<void> => {
  const villageName = new Map(DEMO_REGIONS.map((r) => [r.code, r.name]));
  const client = clientOf(runtime);
  let items: Record<string, unknown>[] = [];
  for (const values of generateReferralRows(ROWS, { seed: 1, personOffset, month: '2026-01' })) {
    const parsed = rowFromValues(values);
    if (!parsed.ok) continue;
    const { household } = intakeHousehold(
      parsed.row,
      villageName.get(parsed.row.villageCode) ?? '',
      '2026-01-15T00:00:00.000Z',
      'bench-registry',
    );
    const head = household.members[0];
    items.push(
      householdItem(household),
      residentClaimItem(parsed.row.residentId, household.householdId, head?.memberId ?? '', household),
    );
    if (items.length >= 5_000) {
      await batchPut(client, runtime.tables.main ?? '', items, { parallel: INTAKE_PARALLEL });
      items = [];
    }
  }
  await batchPut(client, runtime.tables.main ?? '', items, { parallel: INTAKE_PARALLEL });
};

/** Lets the garbage of the set-up go before the idle baseline is read (`--expose-gc`). */
const settle = () => (globalThis as { gc?: () => void }).gc?.();

const rawBatchWrite = async (runtime: LocalRuntime, n: number, round: number): Promise<number> => {
  const client = clientOf(runtime);
  const items = Array.from({ length: n }, (_, i) => rawItem(round, i));
  const t0 = performance.now();
  await batchPut(client, runtime.tables.main ?? '', items, { parallel: INTAKE_PARALLEL });
  return (performance.now() - t0) / 1000;
};

const push = async (
  runtime: LocalRuntime,
  file: string,
  username: string,
): Promise<{ seconds: number; counts: Record<string, number> }> => {
  const token = await runtime.issuer.signAccessToken(demoUser(username), { expiresInSeconds: 7200 });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const size = (await stat(file)).size;
  const announce = await fetch(`${runtime.url}/submissions/files`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ fileName: 'bench.csv', size, period: '2026-02' }),
  });
  const ticket = (await announce.json()) as { submissionId: string; url: string };
  if (announce.status !== 201)
    throw new Error(`announce failed: ${announce.status} ${JSON.stringify(ticket)}`);
  const t0 = performance.now();
  const put = await fetch(ticket.url, { method: 'PUT', body: await readFile(file) });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  for (;;) {
    const response = await fetch(`${runtime.url}/submissions/${ticket.submissionId}`, { headers });
    const submission = (await response.json()) as { status: string; counts?: Record<string, number> };
    if (submission.status === 'done' || submission.status === 'refused') {
      if (submission.status === 'refused') throw new Error(`refused: ${JSON.stringify(submission)}`);
      return { seconds: (performance.now() - t0) / 1000, counts: submission.counts ?? {} };
    }
    if (performance.now() - t0 > 30 * 60_000) throw new Error('intake did not finish in 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const generate = async (
  dir: string,
  name: string,
  department: GeneratedDepartment,
  seed: number,
  personOffset: number,
  rows = ROWS,
  month = '2026-02',
) => {
  const file = join(dir, name);
  await writeCsv(file, generateReferralRows(rows, { seed, department, personOffset, month }));
  return file;
};

/**
 * The intake alone in a child process, as its Lambda would run it, for the memory figure of the
 * intake itself: the file goes to S3 under a key no notification watches, its submission item is
 * written directly, and `intake-process.ts` runs IngestRows to the end.
 */
const isolatedIntake = async (
  runtime: LocalRuntime,
  file: string,
): Promise<{
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  counts: Record<string, number>;
  cpuSeconds: number;
  database: InFlight;
}> => {
  const submissionId = randomUUID();
  const key = `bench/${submissionId}.csv`;
  const s3 = new S3Client({
    endpoint: runtime.endpoints.s3,
    region: runtime.env.AWS_REGION,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
  });
  await s3.send(
    new PutObjectCommand({ Bucket: runtime.buckets.evidence, Key: key, Body: await readFile(file) }),
  );
  const at = new Date().toISOString();
  await clientOf(runtime).send(
    new PutCommand({
      TableName: runtime.tables.main,
      Item: submissionItem({
        submissionId,
        countyCode: demoUser('dept.civil').scope.countyCode,
        department: 'civil_affairs',
        channel: 'file',
        period: '2026-02',
        dueMonth: '2026-03',
        receivedAt: at,
        timeliness: 'on_time',
        status: 'received',
        contentHash: submissionId,
        objectKey: key,
        submittedBy: 'bench',
        updatedAt: at,
      }),
    }),
  );
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [
        ...(process.env.BENCH_CPU_PROFILE
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE]
          : []),
        '--import',
        'tsx',
        join(import.meta.dirname, 'intake-process.ts'),
        submissionId,
      ],
      { env: { ...process.env, ...runtime.env }, maxBuffer: 1024 * 1024 },
      (error, out) => (error ? reject(error) : resolve(out)),
    ),
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Awaited<ReturnType<typeof isolatedIntake>>;
};

const share = (part: number) => `${(part * 100).toFixed(1)} %`;
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;

const main = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fpb-bench-'));
  const runtime = await startRuntime({ inMemory: true, port: 0, schedules: false, quiet: true });
  try {
    const known = await generate(dir, 'medical.csv', 'medical_insurance', 2, 0);
    const fresh = NEW_PEOPLE ? await generate(dir, 'civil.csv', 'civil_affairs', 3, 10_000_000) : undefined;
    console.log(
      `rows per file: ${ROWS.toLocaleString('en-US')} (${((await stat(known)).size / MB).toFixed(1)} MB CSV)`,
    );

    // The registry first, then a small file of January's events through the whole intake: DynamoDB
    // Local's JVM compiles the paths both sides use (writes, reads, indexes) before either is timed,
    // and the runtime's own code is loaded, as in a platform that has been up for a while.
    await registerPeople(runtime, 0);
    const warm = await generate(dir, 'warm-up.csv', 'medical_insurance', 5, 0, WARM_ROWS, '2026-01');
    const warmed = await push(runtime, warm, 'dept.medical');
    console.log(`warm-up intake:        ${WARM_ROWS} rows in ${warmed.seconds.toFixed(1)} s (not counted)`);
    const rawBefore = await rawBatchWrite(runtime, ROWS, 1);
    console.log(
      `raw BatchWriteItem:    ${ROWS} items in ${rawBefore.toFixed(1)} s → ${rate(ROWS, rawBefore)} (before the intake, ${INTAKE_PARALLEL} in parallel)`,
    );

    settle();
    const baseline = process.memoryUsage().rss;
    const run = await withPeakMemory(() => push(runtime, known, 'dept.medical'));
    const seconds = run.result.seconds;
    console.log(
      `intake:                ${ROWS} rows in ${seconds.toFixed(1)} s → ${rate(ROWS, seconds)} ${JSON.stringify(run.result.counts)}`,
    );
    const rawAfter = await rawBatchWrite(runtime, ROWS, 2);
    const rawRate = (ROWS / rawBefore + ROWS / rawAfter) / 2;
    console.log(
      `raw BatchWriteItem:    ${ROWS} items in ${rawAfter.toFixed(1)} s → ${rate(ROWS, rawAfter)} (after the intake); mean ${Math.round(rawRate).toLocaleString('en-US')}/s`,
    );
    console.log(`intake ratio: ${(ROWS / seconds / rawRate).toFixed(2)}`);
    console.log(
      `runtime process during the intake: ${(run.peakRss / MB).toFixed(0)} MB RSS (gateway, S3 server, state machines and the intake; ${((run.peakRss - baseline) / MB).toFixed(0)} MB above the idle runtime), heap ${(run.peakHeap / MB).toFixed(0)} MB`,
    );
    const civil = await generate(dir, 'civil-alone.csv', 'civil_affairs', 4, 0);
    const alone = await isolatedIntake(runtime, civil);
    console.log(
      `intake alone (own process, as its Lambda): ${ROWS} rows in ${alone.seconds.toFixed(1)} s → ${rate(ROWS, alone.seconds)} ${JSON.stringify(alone.counts)}`,
    );
    console.log(
      `intake ratio (intake alone ÷ the same raw mean): ${(ROWS / alone.seconds / rawRate).toFixed(2)}`,
    );
    console.log(
      `intake alone, seen from the database (${alone.database.requests} requests): reads ${share(alone.database.reads)}, writes ${share(alone.database.writes)}, both ${share(alone.database.both)}, waiting on the intake ${share(alone.database.idle)}`,
    );
    console.log(
      `intake alone, CPU: ${alone.cpuSeconds.toFixed(1)} s (${Math.round((alone.cpuSeconds * 1e6) / ROWS)} µs a row)`,
    );
    console.log(`intake peak memory: ${alone.peakRssMb} MB RSS (heap ${alone.peakHeapMb} MB)`);
    if (fresh) {
      const second = await withPeakMemory(() => push(runtime, fresh, 'dept.civil'));
      const s2 = second.result.seconds;
      console.log(
        `intake, people new:    ${ROWS} rows in ${s2.toFixed(1)} s → ${rate(ROWS, s2)} ${JSON.stringify(second.result.counts)}`,
      );
      console.log(
        `intake ratio (people new, a household registered per row): ${(ROWS / s2 / rawRate).toFixed(2)}`,
      );
      console.log(`intake peak memory (people new): ${(second.peakRss / MB).toFixed(0)} MB RSS`);
    }
  } finally {
    await runtime.stop();
    await rm(dir, { recursive: true, force: true });
  }
};

await main();

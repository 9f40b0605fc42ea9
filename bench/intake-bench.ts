/**
 * `npm run bench`: the referral intake against the raw write rate of the same DynamoDB Local,
 * in one run. 1. starts the local runtime (DynamoDB Local in memory, s3rver, gateway, state
 * machines); 2. raw BatchWriteItem of N items (25 a request, 4 in parallel, as the intake
 * writes); 3. a generated N-row CSV pushed by a department through the API (presigned PUT,
 * S3 notification, the referral-intake state machine) for people the registry does not know
 * yet; 4. a second N-row file from another department about the same people (now known);
 * 5. prints rows/s, `intake ratio: X.XX` (intake of known people ÷ raw) and the peak memory.
 *
 *   npm run bench [-- --rows 100000]
 */
import '../infra/local/node-env.ts';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startRuntime, type LocalRuntime } from '../infra/local/runtime.ts';
import { demoUser } from '../infra/local/demo-county.ts';
import { batchPut } from '../shared/adapters/batch-io.ts';
import { generateReferralRows, writeCsv, type GeneratedDepartment } from './generate-referral-file.ts';

const argRows = process.argv.indexOf('--rows');
const ROWS = Number(argRows >= 0 ? process.argv[argRows + 1] : (process.env.BENCH_ROWS ?? 100_000));
const MB = 1024 * 1024;

/** Samples the resident set size while `work` runs; the intake runs in this process. */
const withPeakMemory = async <T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRss: number; peakHeap: number }> => {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 25);
  try {
    const result = await work();
    return { result, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
};

const rawBatchWrite = async (runtime: LocalRuntime, n: number): Promise<number> => {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.endpoints.dynamodb, region: runtime.env.AWS_REGION }),
  );
  const items = Array.from({ length: n }, (_, i) => ({
    pk: `BENCH#${Math.floor(i / 10)}`,
    sk: `SRC#medical_insurance#REF-${String(i).padStart(8, '0')}`,
    submissionId: '00000000-0000-4000-8000-000000000000',
    rowNumber: i + 2,
    amountFen: 1_234_500,
    outcome: 'accepted',
    department: 'medical_insurance',
    sourceRef: `REF-${i}`,
  }));
  const t0 = performance.now();
  await batchPut(client, runtime.tables.main ?? '', items);
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

const generate = async (dir: string, name: string, department: GeneratedDepartment, seed: number) => {
  const file = join(dir, name);
  await writeCsv(file, generateReferralRows(ROWS, { seed, department, personOffset: 0, month: '2026-02' }));
  return file;
};

const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;

const main = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fpb-bench-'));
  const runtime = await startRuntime({ inMemory: true, port: 0, schedules: false, quiet: true });
  try {
    const medical = await generate(dir, 'medical.csv', 'medical_insurance', 1);
    const civil = await generate(dir, 'civil.csv', 'civil_affairs', 2);
    console.log(
      `rows per file: ${ROWS.toLocaleString('en-US')} (${((await stat(medical)).size / MB).toFixed(1)} MB CSV)`,
    );

    const rawSeconds = await rawBatchWrite(runtime, ROWS);
    console.log(
      `raw BatchWriteItem:          ${ROWS} items in ${rawSeconds.toFixed(1)} s → ${rate(ROWS, rawSeconds)}`,
    );

    const baseline = process.memoryUsage().rss;
    const first = await withPeakMemory(() => push(runtime, medical, 'dept.medical'));
    console.log(
      `intake, people new:          ${ROWS} rows in ${first.result.seconds.toFixed(1)} s → ${rate(ROWS, first.result.seconds)} ${JSON.stringify(first.result.counts)}`,
    );
    const second = await withPeakMemory(() => push(runtime, civil, 'dept.civil'));
    console.log(
      `intake, people known:        ${ROWS} rows in ${second.result.seconds.toFixed(1)} s → ${rate(ROWS, second.result.seconds)} ${JSON.stringify(second.result.counts)}`,
    );
    const rawRate = ROWS / rawSeconds;
    console.log(`intake ratio (people new): ${(ROWS / first.result.seconds / rawRate).toFixed(2)}`);
    console.log(`intake ratio: ${(ROWS / second.result.seconds / rawRate).toFixed(2)}`);
    const peakRss = Math.max(first.peakRss, second.peakRss);
    const peakHeap = Math.max(first.peakHeap, second.peakHeap);
    console.log(
      `intake peak memory: ${(peakRss / MB).toFixed(0)} MB RSS of this process (runtime + intake; ${((peakRss - baseline) / MB).toFixed(0)} MB above the idle runtime), heap ${(peakHeap / MB).toFixed(0)} MB`,
    );
  } finally {
    await runtime.stop();
    await rm(dir, { recursive: true, force: true });
  }
};

await main();

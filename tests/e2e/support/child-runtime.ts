/**
 * Starts the local runtime in a child process (its own process group, so SIGKILL takes Java
 * with it), for tests that crash the platform and start it again on the same data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createIssuer, type LocalIssuer } from '../../../infra/local/issuer.ts';
import { demoUser } from '../../../infra/local/demo-county.ts';

const MAIN = fileURLToPath(new URL('./child-runtime-main.ts', import.meta.url));

export interface ChildRuntime {
  readonly url: string;
  readonly endpoints: { readonly dynamodb: string; readonly s3: string; readonly sfn: string };
  readonly tables: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, string>>;
  readonly dynamoDbPid: number;
  readonly pid: number;
  /** A token for a demo user, signed by this runtime's issuer. */
  token(username: string): Promise<string>;
  /** Fires a declared schedule now and waits for it. */
  runSchedule(name: string): Promise<unknown>;
  /** Invokes a declared function in the child with a JSON event and waits for its result. */
  invoke(name: string, event: unknown): Promise<unknown>;
  /** SIGKILL to the whole process group: the crash. */
  kill(): Promise<void>;
  /** A clean stop. */
  stop(): Promise<void>;
}

interface Ready {
  url: string;
  endpoints: ChildRuntime['endpoints'];
  tables: Record<string, string>;
  buckets: Record<string, string>;
  dynamoDbPid: number;
  issuer: { keyDir: string; issuer: string; audience: string };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

export const startChildRuntime = async (dataDir: string, timeoutMs = 60_000): Promise<ChildRuntime> => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, FPB_CHILD_DATA_DIR: dataDir, FPB_ALLOW_CLOCK_OVERRIDE: 'true' },
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('child runtime did not start');
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const waiting: ((message: Record<string, unknown>) => boolean)[] = [];
  let readyResolve: (ready: Ready) => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const readyPromise = new Promise<Ready>((resolve, reject) => {
    readyResolve = resolve;
    timer = setTimeout(() => reject(new Error('child runtime not ready in time')), timeoutMs);
    child.once('exit', (code) => reject(new Error(`child runtime exited early (${code})`)));
  });
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    const message = JSON.parse(line) as Record<string, unknown>;
    if (message.ready) readyResolve(message as unknown as Ready);
    const index = waiting.findIndex((accept) => accept(message));
    if (index >= 0) waiting.splice(index, 1);
  });
  const ready = await readyPromise.finally(() => clearTimeout(timer));
  let issuer: Promise<LocalIssuer> | undefined;
  return {
    ...ready,
    pid,
    async token(username) {
      issuer ??= createIssuer(ready.issuer);
      return (await issuer).signAccessToken(demoUser(username));
    },
    runSchedule(name) {
      return new Promise((resolve) => {
        waiting.push((message) => {
          if (message.ran !== name) return false;
          resolve(message.run);
          return true;
        });
        child.stdin?.write(`run ${name}\n`);
      });
    },
    invoke(name, event) {
      return new Promise((resolve) => {
        waiting.push((message) => {
          if (message.invoked !== name) return false;
          resolve(message.result);
          return true;
        });
        child.stdin?.write(`invoke ${name} ${JSON.stringify(event)}\n`);
      });
    },
    async kill() {
      process.kill(-pid, 'SIGKILL');
      await exited(child);
    },
    async stop() {
      child.stdin?.write('stop\n');
      await exited(child);
    },
  };
};

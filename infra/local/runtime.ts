/**
 * The whole platform on a laptop, from the one declaration: DynamoDB Local, s3rver with the
 * bucket notifications, the state machines and their Step Functions endpoint, the HTTP gateway
 * with the local issuer, the seed and the schedules. `npm start` and the integration tests'
 * global setup both call `startRuntime`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { declaration as platformDeclaration } from '../../shared/platform/declaration.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from './s3-server.ts';
import { createLocalFunctions, type LocalFunctions } from './functions.ts';
import { createStepFunctions, type LocalStepFunctions } from './step-functions.ts';
import { startSfnEndpoint, type SfnEndpoint } from './sfn-endpoint.ts';
import { startGateway, type Gateway } from './gateway.ts';
import { createIssuer, issuerUrl, writeIssuerInfo, type LocalIssuer } from './issuer.ts';
import { createScheduler, type LocalScheduler } from './scheduler.ts';
import { ensureBuckets, ensureTables } from './tables.ts';
import { seedDemo } from './seed.ts';
import { DEMO_DEPARTMENT_CLIENTS } from './demo-county.ts';
import { LOCAL_REGION, physicalBucketName, physicalTableName, resourceEnvironment } from './names.ts';
import { dataPaths, DEFAULT_DATA_DIR, REPO_ROOT } from './paths.ts';

export interface RuntimeOptions {
  /** Where data lives between runs (default `.local/data`; with `inMemory`, a temp dir). */
  readonly dataDir?: string;
  /** DynamoDB in memory and S3/issuer in a temp dir removed on stop (tests). */
  readonly inMemory?: boolean;
  /** Gateway port; 0 = a free port. */
  readonly port?: number;
  /** Seed the demo county on first start (default true). */
  readonly seed?: boolean;
  /** Run the schedules on their timers (default true); `scheduler.runNow` works either way. */
  readonly schedules?: boolean;
  /** No request log lines (tests). */
  readonly quiet?: boolean;
  /** Another declaration (tests with fixture functions); default: the platform's. */
  readonly declaration?: PlatformDeclaration;
  /** Root the declared entries and ASL files are relative to (default: the repository). */
  readonly root?: string;
  /** Milliseconds between Step Functions retries, instead of the ASL's intervals (tests). */
  readonly retryIntervalMs?: number;
  /** Set the process environment for the handlers (default true; restored on stop). */
  readonly setProcessEnv?: boolean;
}

export interface LocalRuntime {
  /** The gateway, e.g. `http://localhost:3000`. */
  readonly url: string;
  readonly issuer: LocalIssuer;
  readonly dataDir: string;
  readonly endpoints: { readonly dynamodb: string; readonly s3: string; readonly sfn: string };
  readonly tables: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, string>>;
  /** What the handlers see: region, credentials, endpoints, TABLE_*, BUCKET_*, STATE_MACHINE_*_ARN. */
  readonly env: Readonly<Record<string, string>>;
  readonly functions: LocalFunctions;
  readonly stepFunctions: LocalStepFunctions;
  readonly scheduler: LocalScheduler;
  readonly s3: S3Server;
  /** Pid of the DynamoDB Local java process. */
  readonly dynamoDbPid: number;
  /** Milliseconds per startup step. */
  readonly timings: Readonly<Record<string, number>>;
  stop(): Promise<void>;
}

const startDynamo = async (options: { dbPath?: string; inMemory: boolean }): Promise<DynamoDbLocal> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDbLocal(options);
    } catch (error) {
      // The free port we picked was taken before Java bound it: pick another.
      const clash = error instanceof Error && /Address already in use|BindException/.test(error.message);
      if (!clash || attempt >= 3) throw error;
    }
  }
};

export const startRuntime = async (options: RuntimeOptions = {}): Promise<LocalRuntime> => {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    timings[name] = Date.now() - t0;
    return result;
  };
  const declaration = options.declaration ?? platformDeclaration;
  const root = options.root ?? REPO_ROOT;
  const inMemory = options.inMemory ?? false;
  const tempDir = inMemory && !options.dataDir ? await mkdtemp(join(tmpdir(), 'fpb-local-')) : undefined;
  const dataDir = options.dataDir ?? tempDir ?? DEFAULT_DATA_DIR;
  const paths = dataPaths(dataDir);

  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) console.error('local runtime: errors while stopping', errors);
  };
  if (tempDir) cleanups.push(() => rm(tempDir, { recursive: true, force: true }));

  try {
    const functions = createLocalFunctions(declaration, root);
    const notifications = declaration.buckets.flatMap((bucket) =>
      bucket.notifications.map((n) => ({ ...n, bucket: physicalBucketName(bucket.name) })),
    );
    const [dynamo, s3] = await Promise.all([
      step('dynamodb', async () => {
        const started = await startDynamo({ inMemory, dbPath: paths.dynamodb });
        cleanups.push(() => started.stop());
        return started;
      }),
      step('s3', async () => {
        const started = await startS3Server({
          directory: paths.s3,
          resetOnClose: inMemory && !options.dataDir,
          notifications,
          invoke: (name, event) => functions.invoke(name, event),
        });
        cleanups.push(() => started.stop());
        return started;
      }),
    ]);

    const dynamoClient = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const s3Client = new S3Client({
      endpoint: s3.endpoint,
      region: LOCAL_REGION,
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    cleanups.push(() => {
      dynamoClient.destroy();
      s3Client.destroy();
    });
    await step('tables', () =>
      Promise.all([
        ensureTables(dynamoClient, declaration.tables),
        ensureBuckets(s3Client, declaration.buckets),
      ]),
    );

    const stepFunctions = createStepFunctions({
      machines: declaration.stateMachines,
      functions,
      root,
      retryIntervalMs: options.retryIntervalMs,
      quiet: options.quiet,
    });
    cleanups.push(() => stepFunctions.stop());
    const sfn: SfnEndpoint = await step('sfn', () => startSfnEndpoint(stepFunctions));
    cleanups.push(() => sfn.stop());

    const env: Record<string, string> = {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      // One set of credentials for every client in the process: s3rver insists on S3RVER;
      // DynamoDB Local with -sharedDb accepts any; the SFN endpoint ignores them.
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'fangpinbao',
      ...(options.quiet && !process.env.POWERTOOLS_LOG_LEVEL ? { POWERTOOLS_LOG_LEVEL: 'WARN' } : {}),
      ...resourceEnvironment(declaration),
    };
    if (options.setProcessEnv ?? true) {
      const previous = Object.fromEntries(
        [...Object.keys(env), 'AWS_SESSION_TOKEN', 'AWS_PROFILE'].map((k) => [k, process.env[k]]),
      );
      delete process.env.AWS_SESSION_TOKEN;
      delete process.env.AWS_PROFILE;
      Object.assign(process.env, env);
      cleanups.push(() => {
        for (const [key, value] of Object.entries(previous)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      });
    }

    const gateway: Gateway = await step('gateway', () =>
      startGateway({
        port: options.port ?? 0,
        routes: declaration.routes,
        functions,
        quiet: options.quiet,
        audiences: DEMO_DEPARTMENT_CLIENTS.map((c) => c.clientId),
        issuer: async (url) => {
          const issuer = await createIssuer({ keyDir: paths.issuer, issuer: issuerUrl(url) });
          await writeIssuerInfo(paths.issuer, { issuer: issuer.issuer, audience: issuer.audience });
          return issuer;
        },
      }),
    );
    cleanups.push(() => gateway.stop());

    if (options.seed ?? true) {
      const main = declaration.tables.find((t) => t.name === 'main');
      if (main) await step('seed', () => seedDemo(dynamoClient, physicalTableName(main.name)));
    }

    const scheduler = createScheduler({
      schedules: declaration.schedules,
      stepFunctions,
      functions,
      timers: options.schedules ?? true,
      quiet: options.quiet,
    });
    cleanups.push(() => scheduler.stop());
    timings.total = Date.now() - started;

    return {
      url: gateway.url,
      issuer: gateway.issuer,
      dataDir,
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, sfn: sfn.endpoint },
      tables: Object.fromEntries(declaration.tables.map((t) => [t.name, physicalTableName(t.name)])),
      buckets: Object.fromEntries(declaration.buckets.map((b) => [b.name, physicalBucketName(b.name)])),
      env,
      functions,
      stepFunctions,
      scheduler,
      s3,
      dynamoDbPid: dynamo.pid,
      timings,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

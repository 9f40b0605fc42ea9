/**
 * The local platform itself: a runtime on a data directory (restart, schedules, no Java left),
 * the gateway as API Gateway with the JWT authorizer, the state machines through the Step
 * Functions endpoint, and S3 notifications.
 *
 * The data-directory runtime comes first on purpose: it runs handlers in this worker, and the
 * SDK clients of `shared/adapters/aws-clients.ts` fix their endpoint at their first request.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { S3Event } from 'aws-lambda';
import { startRuntime, type LocalRuntime } from '../../infra/local/runtime.ts';
import { createLocalFunctions } from '../../infra/local/functions.ts';
import { createStepFunctions } from '../../infra/local/step-functions.ts';
import { startSfnEndpoint } from '../../infra/local/sfn-endpoint.ts';
import { createScheduler } from '../../infra/local/scheduler.ts';
import { startS3Server, S3RVER_CREDENTIALS } from '../../infra/local/s3-server.ts';
import { createIssuer } from '../../infra/local/issuer.ts';
import { isAlive } from '../../infra/local/dynamodb-local.ts';
import { SEED_MARKER } from '../../infra/local/seed.ts';
import { DEMO_USERS, demoUser } from '../../infra/local/demo-county.ts';
import { fixtureFunctions, fixtureMachine, fixtureSchedules } from '../fixtures/local/declaration.ts';
import { waitFor } from '../support/wait-for.ts';
import { api, baseUrl, runStateMachine, tokenFor } from './support/api.ts';

const s3Client = (endpoint: string) =>
  new S3Client({
    endpoint,
    region: 'cn-north-1',
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

const documentClient = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    }),
  );

describe('a runtime on a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fpb-restart-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs a schedule on demand, keeps data across a restart, and leaves no Java behind', async () => {
    const first: LocalRuntime = await startRuntime({ dataDir, port: 0, schedules: false, quiet: true });
    let firstStopped = false;
    try {
      const snapshot = await first.scheduler.runNow('registry-snapshot-nightly');
      expect(snapshot.execution).toMatchObject({ stateMachine: 'registry-snapshot', status: 'SUCCEEDED' });

      const me = await fetch(`${first.url}/me`, {
        headers: { authorization: `Bearer ${await first.issuer.signAccessToken(demoUser('auditor'))}` },
      });
      expect(me.status).toBe(200);

      const doc = documentClient(first.endpoints.dynamodb);
      await doc.send(
        new PutCommand({ TableName: first.tables.main, Item: { pk: 'TEST#restart', sk: 'kept' } }),
      );
      await s3Client(first.endpoints.s3).send(
        new PutObjectCommand({ Bucket: first.buckets.evidence, Key: 'kept/证明.txt', Body: '保留' }),
      );
      const marker = await doc.send(new GetCommand({ TableName: first.tables.main, Key: SEED_MARKER }));
      expect(marker.Item?.seededAt).toEqual(expect.any(String));

      const pid = first.dynamoDbPid;
      expect(isAlive(pid)).toBe(true);
      await first.stop();
      firstStopped = true;
      expect(isAlive(pid)).toBe(false);

      const second = await startRuntime({ dataDir, port: 0, schedules: false, quiet: true });
      try {
        const again = documentClient(second.endpoints.dynamodb);
        const kept = await again.send(
          new GetCommand({ TableName: second.tables.main, Key: { pk: 'TEST#restart', sk: 'kept' } }),
        );
        expect(kept.Item).toBeDefined();
        const markerAgain = await again.send(
          new GetCommand({ TableName: second.tables.main, Key: SEED_MARKER }),
        );
        expect(markerAgain.Item?.seededAt).toBe(marker.Item?.seededAt);
        const object = await s3Client(second.endpoints.s3).send(
          new GetObjectCommand({ Bucket: second.buckets.evidence, Key: 'kept/证明.txt' }),
        );
        expect(await object.Body?.transformToString()).toBe('保留');
        expect(second.issuer.jwks).toEqual(first.issuer.jwks);
      } finally {
        const secondPid = second.dynamoDbPid;
        await second.stop();
        expect(isAlive(secondPid)).toBe(false);
      }
    } finally {
      if (!firstStopped) await first.stop();
    }
  }, 120_000);
});

describe('the gateway, as API Gateway with the JWT authorizer', () => {
  it('answers GET /health without a token', async () => {
    const health = await api().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      components: { dynamodb: { status: 'up' }, s3: { status: 'up' }, stepfunctions: { status: 'up' } },
    });
    expect(health.headers.get('apigw-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 {"message":"Unauthorized"} — and calls no handler — without a valid token', async () => {
    const { issuer } = inject('localRuntime');
    const otherKeys = await mkdtemp(join(tmpdir(), 'fpb-other-key-'));
    try {
      const stranger = await createIssuer({
        keyDir: otherKeys,
        issuer: issuer.issuer,
        audience: issuer.audience,
      });
      const tokens = {
        none: undefined,
        garbage: 'not-a-token',
        badSignature: await stranger.signAccessToken(demoUser('county.staff')),
        expired: await tokenFor('county.staff', { expiresInSeconds: -60 }),
        wrongAudience: await tokenFor('county.staff', { audience: 'some-other-app-client' }),
      };
      for (const [name, token] of Object.entries(tokens)) {
        const result = await api(undefined, { token }).get('/me');
        expect(result.status, name).toBe(401);
        // The handler's own 401 carries a code and a request id; this is the authorizer's.
        expect(result.body, name).toEqual({ message: 'Unauthorized' });
      }
    } finally {
      await rm(otherKeys, { recursive: true, force: true });
    }
  });

  it('lets the token of every demo user through, claims as the handler expects them', async () => {
    for (const user of DEMO_USERS) {
      const me = await api(user.username).get('/me');
      expect(me.status, user.username).toBe(200);
      expect(me.body, user.username).toMatchObject({
        userId: user.userId,
        username: user.username,
        role: user.role,
        countyCode: user.scope.countyCode,
      });
    }
  });

  it('answers 404 {"message":"Not Found"} for an undeclared route or method', async () => {
    const unknown = await api('county.staff').get('/no-such-thing');
    expect(unknown).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    expect((await api().raw('DELETE', '/health')).status).toBe(404);
  });

  it('answers CORS preflights for a browser console', async () => {
    const preflight = await api().raw('OPTIONS', '/households', {
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('publishes the issuer’s JWKS', async () => {
    const response = await fetch(`${baseUrl()}/local-issuer/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: { kty: string; alg: string }[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256' })]);
  });
});

describe('state machines', () => {
  it('runs the declared registry-snapshot through the Step Functions endpoint', async () => {
    const run = await runStateMachine('registry-snapshot', {});
    expect(run.status).toBe('SUCCEEDED');
  });

  describe('a fixture flow on the local runner', () => {
    const functions = createLocalFunctions({ functions: fixtureFunctions });
    const stepFunctions = createStepFunctions({
      machines: [fixtureMachine],
      functions,
      retryIntervalMs: 10,
      quiet: true,
    });
    afterAll(() => stepFunctions.stop());

    it('retries by error name, runs a Map inside a Parallel, and the lambda:invoke integration', async () => {
      const run = await stepFunctions.startExecution('fixture-flow', {
        runId: randomUUID(),
        failTimes: 2,
        values: [1, 2, 3],
        refuse: false,
      });
      expect(run.status).toBe('SUCCEEDED');
      const output = JSON.parse(run.output ?? '{}');
      expect(output.flaky).toEqual({ attempts: 3 });
      expect(output.fan).toEqual([[{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }], { ok: true }]);
    });

    it('fails with the task’s error once the retries are spent', async () => {
      const run = await stepFunctions.startExecution('fixture-flow', {
        runId: randomUUID(),
        failTimes: 9,
        values: [],
        refuse: false,
      });
      expect(run).toMatchObject({ status: 'FAILED', error: 'TransientGlitch' });
      expect(JSON.parse(run.cause ?? '{}')).toMatchObject({
        errorType: 'TransientGlitch',
        errorMessage: 'attempt 3 failed',
      });
    });

    it('catches a named error with the cause Lambda reports', async () => {
      const run = await stepFunctions.startExecution('fixture-flow', {
        runId: randomUUID(),
        values: [5],
        refuse: true,
      });
      expect(run.status).toBe('SUCCEEDED');
      const { error } = JSON.parse(run.output ?? '{}');
      expect(error.Error).toBe('BadInput');
      expect(JSON.parse(error.Cause)).toMatchObject({ errorType: 'BadInput', errorMessage: '输入不合法' });
    });

    it('speaks the Step Functions API to the AWS SDK', async () => {
      const endpoint = await startSfnEndpoint(stepFunctions);
      const client = new SFNClient({
        endpoint: endpoint.endpoint,
        region: 'cn-north-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      });
      try {
        const stateMachineArn = stepFunctions.arns['fixture-flow'];
        const input = JSON.stringify({ runId: randomUUID(), values: [1], refuse: false });
        const started = await client.send(
          new StartExecutionCommand({ stateMachineArn, name: 'sdk-run', input }),
        );
        expect(started.executionArn).toMatch(/:execution:fixture-flow:sdk-run$/);
        expect(started.startDate).toBeInstanceOf(Date);
        const done = await waitFor(
          async () => {
            const described = await client.send(
              new DescribeExecutionCommand({ executionArn: started.executionArn }),
            );
            return described.status === 'RUNNING' ? undefined : described;
          },
          { what: 'the SDK execution to stop' },
        );
        expect(done).toMatchObject({ status: 'SUCCEEDED', name: 'sdk-run', input });
        expect(JSON.parse(done.output ?? '{}').fan[0]).toEqual([{ doubled: 2 }]);

        const listed = await client.send(new ListExecutionsCommand({ stateMachineArn }));
        expect(listed.executions?.map((e) => e.name)).toContain('sdk-run');

        await expect(
          client.send(new StartExecutionCommand({ stateMachineArn, name: 'sdk-run', input: '{"other":1}' })),
        ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
        await expect(
          client.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}-missing` })),
        ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
      } finally {
        client.destroy();
        await endpoint.stop();
      }
    });

    it('fires schedules on demand: a state machine target and a function target', async () => {
      const scheduler = createScheduler({
        schedules: fixtureSchedules,
        stepFunctions,
        functions,
        timers: false,
      });
      try {
        const flow = await scheduler.runNow('fixture-flow-daily');
        expect(flow.execution).toMatchObject({ stateMachine: 'fixture-flow', status: 'SUCCEEDED' });
        const check = await scheduler.runNow('fixture-check-weekdays');
        expect(check.result).toEqual({ ok: true, received: { from: 'schedule' } });

        const next = scheduler.nextRun('fixture-check-weekdays');
        const beijing = new Date((next?.getTime() ?? 0) + 8 * 3600_000);
        expect([beijing.getUTCHours(), beijing.getUTCMinutes()]).toEqual([9, 15]);
        expect(beijing.getUTCDay()).toBeGreaterThanOrEqual(1);
        expect(beijing.getUTCDay()).toBeLessThanOrEqual(5);
      } finally {
        scheduler.stop();
      }
    });
  });
});

describe('S3 notifications', () => {
  it('a presigned PUT to s3rver triggers the declared function (record-upload)', async () => {
    const ticket = await api('village.taihe').post('/uploads', {
      kind: 'household_evidence',
      ownerId: randomUUID(),
      fileName: '低保证明.pdf',
      contentType: 'application/pdf',
      size: 8,
    });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.url, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: '%PDF-1.7',
    });
    expect(put.status).toBe(200);
    const settled = await waitFor(
      async () => {
        const upload = await api('village.taihe').get(`/uploads/${ticket.body.uploadId}`);
        return upload.body.status === 'pending' ? undefined : upload.body;
      },
      { what: 'the upload to be settled by the notification' },
    );
    expect(settled.status).toBe('stored');
  });

  it('the dispatcher filters by event and prefix, encodes the key, and retries a failing function', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fpb-s3-fixture-'));
    const calls: { fn: string; event: S3Event }[] = [];
    let failuresLeft = 1;
    const server = await startS3Server({
      directory,
      resetOnClose: true,
      retryDelayMs: 10,
      notifications: [
        { bucket: 'fixture-bucket', events: ['s3:ObjectCreated:*'], prefix: 'in/', function: 'on-created' },
        { bucket: 'fixture-bucket', events: ['s3:ObjectRemoved:*'], function: 'on-removed' },
      ],
      invoke: async (fn, event) => {
        calls.push({ fn, event: event as S3Event });
        if (fn === 'on-created' && failuresLeft-- > 0) throw new Error('first delivery fails');
        return null;
      },
    });
    const client = s3Client(server.endpoint);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await client.send(new CreateBucketCommand({ Bucket: 'fixture-bucket' }));
      await client.send(
        new PutObjectCommand({ Bucket: 'fixture-bucket', Key: 'in/户 主+证明.txt', Body: 'a' }),
      );
      await client.send(
        new PutObjectCommand({ Bucket: 'fixture-bucket', Key: 'out/ignored.txt', Body: 'b' }),
      );
      await client.send(new DeleteObjectCommand({ Bucket: 'fixture-bucket', Key: 'in/户 主+证明.txt' }));
      await waitFor(async () => (calls.length >= 3 ? true : undefined), { what: 'three deliveries' });
      await server.drain();

      // Deliveries are concurrent (as S3's are unordered): the retry may come after the removal.
      expect(calls.map((c) => c.fn).sort()).toEqual(['on-created', 'on-created', 'on-removed']);
      const created = calls.filter((c) => c.fn === 'on-created');
      const removed = calls.filter((c) => c.fn === 'on-removed');
      const record = created[1]?.event.Records[0];
      expect(record).toMatchObject({
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        awsRegion: 'cn-north-1',
        s3: {
          bucket: { name: 'fixture-bucket', arn: 'arn:aws-cn:s3:::fixture-bucket' },
          object: { size: 1 },
        },
      });
      const key = record?.s3.object.key ?? '';
      expect(key).toBe('in/%E6%88%B7+%E4%B8%BB%2B%E8%AF%81%E6%98%8E.txt');
      expect(decodeURIComponent(key.replace(/\+/g, ' '))).toBe('in/户 主+证明.txt');
      expect(removed[0]?.event.Records[0]?.eventName).toBe('ObjectRemoved:Delete');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('attempt 1 of 3'), expect.any(Error));
    } finally {
      logged.mockRestore();
      client.destroy();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    }
  });
});

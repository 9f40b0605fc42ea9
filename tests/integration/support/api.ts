/**
 * The integration tests' client of the local runtime started by the global setup:
 * `api('county.staff').get('/me')` signs a token for the demo user with the local issuer's key
 * and calls the gateway; `api()` sends no token.
 */
import { inject } from 'vitest';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { createIssuer, type LocalIssuer } from '../../../infra/local/issuer.ts';
import { demoUser } from '../../../infra/local/demo-county.ts';
import { waitFor } from '../../support/wait-for.ts';
import './context.ts';

export interface ApiResult {
  status: number;
  body: any;
  headers: Headers;
}

const runtime = () => inject('localRuntime');

export const baseUrl = (): string => runtime().url;

let issuer: Promise<LocalIssuer> | undefined;
const localIssuer = (): Promise<LocalIssuer> =>
  (issuer ??= createIssuer({
    keyDir: runtime().issuer.keyDir,
    issuer: runtime().issuer.issuer,
    audience: runtime().issuer.audience,
  }));

/** An access token for a demo user, as the Cognito user pool would issue it. */
export const tokenFor = async (
  username: string,
  opts: { expiresInSeconds?: number; audience?: string } = {},
): Promise<string> => (await localIssuer()).signAccessToken(demoUser(username), opts);

const cachedTokens = new Map<string, Promise<string>>();
const cachedToken = (username: string): Promise<string> => {
  let token = cachedTokens.get(username);
  if (!token) {
    token = tokenFor(username);
    cachedTokens.set(username, token);
  }
  return token;
};

const send = async (
  method: string,
  path: string,
  auth: { username?: string; token?: string },
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<ApiResult> => {
  const headers: Record<string, string> = { ...init.headers };
  const token = auth.token ?? (auth.username ? await cachedToken(auth.username) : undefined);
  if (token && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
    headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl()}${path}`, { method, headers, body: init.body });
  const text = await response.text();
  const isJson = /[/+]json\b/i.test(response.headers.get('content-type') ?? '');
  return {
    status: response.status,
    body: isJson && text ? JSON.parse(text) : text,
    headers: response.headers,
  };
};

const jsonInit = (body: unknown) =>
  body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };

export const api = (username?: string, opts: { token?: string } = {}) => {
  const auth = { username, token: opts.token };
  return {
    get: (path: string) => send('GET', path, auth),
    post: (path: string, body?: unknown) => send('POST', path, auth, jsonInit(body)),
    put: (path: string, body?: unknown) => send('PUT', path, auth, jsonInit(body)),
    patch: (path: string, body?: unknown) => send('PATCH', path, auth, jsonInit(body)),
    delete: (path: string) => send('DELETE', path, auth),
    raw: (method: string, path: string, init?: { headers?: Record<string, string>; body?: string }) =>
      send(method, path, auth, init),
  };
};

/** Where the local services are, for tests that look at DynamoDB or S3 directly. */
export const localEnv = (): {
  dynamoEndpoint: string;
  s3Endpoint: string;
  tables: { main: string; audit: string };
  buckets: { evidence: string };
} => {
  const { endpoints, tables, buckets } = runtime();
  const named = (record: Readonly<Record<string, string>>, name: string): string => {
    const value = record[name];
    if (!value) throw new Error(`the local runtime has no ${name}`);
    return value;
  };
  return {
    dynamoEndpoint: endpoints.dynamodb,
    s3Endpoint: endpoints.s3,
    tables: { main: named(tables, 'main'), audit: named(tables, 'audit') },
    buckets: { evidence: named(buckets, 'evidence') },
  };
};

export interface StateMachineRun {
  executionArn: string;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  /** Parsed output (SUCCEEDED). */
  output?: any;
  error?: string;
  cause?: string;
}

let sfnClient: SFNClient | undefined;

/**
 * Starts a declared state machine through the local Step Functions endpoint (as a handler
 * would) and waits until the execution stops.
 */
export const runStateMachine = async (
  name: string,
  input: unknown = {},
  { timeoutMs = 60_000 } = {},
): Promise<StateMachineRun> => {
  const arn = runtime().stateMachineArns[name];
  if (!arn) throw new Error(`state machine ${name} is not declared`);
  sfnClient ??= new SFNClient({
    endpoint: runtime().endpoints.sfn,
    region: runtime().env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const client = sfnClient;
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify(input) }),
  );
  if (!executionArn) throw new Error('StartExecution returned no executionArn');
  const done = await waitFor(
    async () => {
      const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
      return execution.status === 'RUNNING' ? undefined : execution;
    },
    { timeoutMs, intervalMs: 50, what: `execution ${executionArn} to stop` },
  );
  return {
    executionArn,
    status: done.status as StateMachineRun['status'],
    ...(done.output !== undefined ? { output: JSON.parse(done.output) } : {}),
    ...(done.error !== undefined ? { error: done.error } : {}),
    ...(done.cause !== undefined ? { cause: done.cause } : {}),
  };
};

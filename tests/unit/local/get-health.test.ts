import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { dynamo, s3, sfn } from '../../../shared/adapters/aws-clients.ts';
import { handler } from '../../../functions/platform/get-health.ts';
import { apiEvent, lambdaContext } from '../../fixtures/events/api-event.ts';
import { declaration } from '../../../shared/platform/declaration.ts';
import { stateMachineEnvVar } from '../../../shared/platform/declaration-types.ts';

const dynamoMock = mockClient(dynamo);
const s3Mock = mockClient(s3);
const sfnMock = mockClient(sfn);
const arnOf = (name: string) => `arn:aws-cn:states:cn-north-1:000000000000:stateMachine:${name}`;
const SNAPSHOT_ARN = arnOf('registry-snapshot');
/** Every declared state machine's variable, so the test holds whatever other tests left in the environment. */
const STATE_MACHINE_ENV = Object.fromEntries(
  declaration.stateMachines.map((m) => [stateMachineEnvVar(m.name), arnOf(m.name)]),
);
const ENV = {
  TABLE_MAIN: 'fpb-main',
  TABLE_AUDIT: 'fpb-audit',
  BUCKET_EVIDENCE: 'fpb-evidence',
  ...STATE_MACHINE_ENV,
};

const call = async () => {
  const result = await handler(apiEvent('GET /health'), lambdaContext);
  if (typeof result === 'string') throw new Error('unexpected string result');
  return { status: result.statusCode, body: JSON.parse(result.body ?? '') };
};

describe('GET /health', () => {
  beforeEach(() => {
    Object.assign(process.env, ENV);
    dynamoMock.reset();
    s3Mock.reset();
    sfnMock.reset();
    sfnMock.on(DescribeStateMachineCommand).resolves({ status: 'ACTIVE' });
  });
  afterEach(() => {
    for (const name of Object.keys(ENV)) delete process.env[name];
  });

  it('is ok when every declared table and bucket answers', async () => {
    dynamoMock.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    s3Mock.on(HeadBucketCommand).resolves({});
    expect(await call()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        components: { dynamodb: { status: 'up' }, s3: { status: 'up' }, stepfunctions: { status: 'up' } },
      },
    });
    expect(
      dynamoMock
        .commandCalls(DescribeTableCommand)
        .map((c) => c.args[0].input.TableName)
        .sort(),
    ).toEqual(['fpb-audit', 'fpb-main']);
    expect(s3Mock.commandCalls(HeadBucketCommand)[0]?.args[0].input.Bucket).toBe('fpb-evidence');
  });

  it('is degraded (503) and names the table that is down', async () => {
    dynamoMock
      .on(DescribeTableCommand, { TableName: 'fpb-audit' })
      .rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }))
      .on(DescribeTableCommand, { TableName: 'fpb-main' })
      .resolves({ Table: { TableStatus: 'ACTIVE' } });
    s3Mock.on(HeadBucketCommand).resolves({});
    const { status, body } = await call();
    expect(status).toBe(503);
    expect(body).toEqual({
      status: 'degraded',
      components: {
        dynamodb: { status: 'down', detail: 'audit: ResourceNotFoundException' },
        s3: { status: 'up' },
        stepfunctions: { status: 'up' },
      },
    });
  });

  it('is degraded when a declared state machine is missing', async () => {
    dynamoMock.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    s3Mock.on(HeadBucketCommand).resolves({});
    sfnMock.on(DescribeStateMachineCommand).callsFake(async (input: { stateMachineArn?: string }) => {
      if (input.stateMachineArn === SNAPSHOT_ARN)
        throw new StateMachineDoesNotExist({ message: 'no', $metadata: {} });
      return { status: 'ACTIVE' };
    });
    const { status, body } = await call();
    expect(status).toBe(503);
    expect(body.components.stepfunctions).toEqual({
      status: 'down',
      detail: 'registry-snapshot: StateMachineDoesNotExist',
    });
    expect(
      sfnMock
        .commandCalls(DescribeStateMachineCommand)
        .map((c) => c.args[0].input.stateMachineArn)
        .sort(),
    ).toEqual(Object.values(STATE_MACHINE_ENV).sort());
  });

  it('reports a resource whose grant (environment variable) is missing as down', async () => {
    delete process.env.BUCKET_EVIDENCE;
    dynamoMock.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    const { status, body } = await call();
    expect(status).toBe(503);
    expect(body.components.s3).toEqual({ status: 'down', detail: 'evidence: 未配置' });
  });
});

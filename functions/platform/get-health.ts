/**
 * `GET /health` (public): is each declared table, bucket and state machine this function is
 * granted reachable? 200 `ok` when all are, 503 `degraded` otherwise. (The schedules are not
 * visible from a Lambda; locally the runtime prints them at start.)
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { getHealth } from '../../shared/contracts/platform.ts';
import { dynamo, s3, sfn } from '../../shared/adapters/aws-clients.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import { stateMachineEnvVar } from '../../shared/platform/declaration-types.ts';

const CHECK_TIMEOUT_MS = 3_000;

interface Component {
  status: 'up' | 'down';
  detail?: string;
}

/** Checks every resource whose environment variable (its grant) is set; names what is down. */
const check = async (
  resources: readonly { name: string; envVar: string }[],
  probe: (physicalName: string, signal: AbortSignal) => Promise<unknown>,
): Promise<Component> => {
  const failures = await Promise.all(
    resources.map(async ({ name, envVar }) => {
      const physical = process.env[envVar];
      if (!physical) return `${name}: 未配置`;
      try {
        await probe(physical, AbortSignal.timeout(CHECK_TIMEOUT_MS));
        return undefined;
      } catch (error) {
        return `${name}: ${error instanceof Error ? error.name : '不可用'}`;
      }
    }),
  );
  const down = failures.filter((f): f is string => f !== undefined);
  return down.length === 0 ? { status: 'up' } : { status: 'down', detail: down.join('; ') };
};

export const handler = apiHandler(getHealth, async () => {
  const [dynamodb, storage, stepfunctions] = await Promise.all([
    check(declaration.tables, (TableName, abortSignal) =>
      dynamo.send(new DescribeTableCommand({ TableName }), { abortSignal }),
    ),
    check(declaration.buckets, (Bucket, abortSignal) =>
      s3.send(new HeadBucketCommand({ Bucket }), { abortSignal }),
    ),
    check(
      declaration.stateMachines.map((m) => ({ name: m.name, envVar: stateMachineEnvVar(m.name) })),
      (stateMachineArn, abortSignal) =>
        sfn.send(new DescribeStateMachineCommand({ stateMachineArn }), { abortSignal }),
    ),
  ]);
  const components = { dynamodb, s3: storage, stepfunctions };
  const ok = Object.values(components).every((c) => c.status === 'up');
  return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'degraded', components } };
});

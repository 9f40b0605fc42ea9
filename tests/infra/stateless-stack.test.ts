import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ROLES } from '../../shared/auth/roles.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import type { Access } from '../../shared/platform/declaration-types.ts';
import { logicalIdOf, resourceOf, synthPlatform, type CfnResource } from './platform-fixture.ts';

const { stateful, stateless, statelessTemplate: template } = synthPlatform();

const resources = template.toJSON().Resources as Record<string, CfnResource>;
const ofType = (type: string): [string, CfnResource][] =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

const declaredFunction = (name: string) => {
  const fn = stateless.functions.get(name);
  if (!fn) throw new Error(`function ${name} not built`);
  return fn;
};
const functionArn = (name: string) => ({ 'Fn::GetAtt': [logicalIdOf(declaredFunction(name).fn), 'Arn'] });

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The statements of a function role's policy. */
const statementsOf = (name: string): Statement[] => {
  const policy = declaredFunction(name).role.node.tryFindChild('DefaultPolicy');
  if (!policy) return [];
  const document = resourceOf(template, policy).Properties.PolicyDocument as { Statement: Statement[] };
  return document.Statement;
};
/** Actions a function may take on resources that mention a construct of the stateful stack. */
const actionsOn = (name: string, target: IConstruct): Set<string> => {
  const id = logicalIdOf(target);
  return new Set(
    statementsOf(name)
      .filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Resource).includes(id))
      .flatMap((s) => asList(s.Action)),
  );
};
const environmentOf = (name: string): Record<string, unknown> =>
  (
    resourceOf(template, declaredFunction(name).fn).Properties.Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;

const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITES = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const reads = (access: Access | undefined) => access === 'read' || access === 'readwrite';
const writes = (access: Access | undefined) => access === 'write' || access === 'readwrite';

describe('functions', () => {
  it('builds one Node.js 22 function per declared function (plus CDK’s notification handler)', () => {
    const ours = ofType('AWS::Lambda::Function').filter(([, r]) => r.Properties.Runtime === 'nodejs22.x');
    expect(ours).toHaveLength(declaration.functions.length);
  });

  it.each(declaration.functions.map((f) => [f.name, f] as const))(
    '%s: arm64, memory and timeout as declared, own log group',
    (name, decl) => {
      const fn = resourceOf(template, declaredFunction(name).fn);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: decl.memoryMb,
        Timeout: decl.timeoutSeconds,
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: logicalIdOf(declaredFunction(name).node.findChild('Logs')) } },
      });
      expect(environmentOf(name)).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'fangpinbao' });
    },
  );
});

describe('least privilege, generated from the declaration', () => {
  const cases = declaration.functions.flatMap((f) =>
    declaration.tables.map((t) => [f.name, t.name, f.tables?.[t.name]] as const),
  );

  it.each(cases)('%s on table %s: exactly %s', (fnName, tableName, access) => {
    const declared = stateful.tables.get(tableName);
    if (!declared) throw new Error(`table ${tableName} not built`);
    const actions = actionsOn(fnName, declared.table);
    for (const action of TABLE_READS) expect(actions.has(action), action).toBe(reads(access));
    for (const action of TABLE_WRITES) expect(actions.has(action), action).toBe(writes(access));
    expect(environmentOf(fnName)[declared.decl.envVar] !== undefined).toBe(access !== undefined);
  });

  const bucketCases = declaration.functions.flatMap((f) =>
    declaration.buckets.map((b) => [f.name, b.name, f.buckets?.[b.name]] as const),
  );

  it.each(bucketCases)('%s on bucket %s: exactly %s, never delete', (fnName, bucketName, access) => {
    const declared = stateful.buckets.get(bucketName);
    if (!declared) throw new Error(`bucket ${bucketName} not built`);
    const actions = actionsOn(fnName, declared.bucket);
    expect(actions.has('s3:GetObject')).toBe(reads(access));
    expect(actions.has('s3:PutObject')).toBe(writes(access));
    expect([...actions].some((a) => a.startsWith('s3:Delete'))).toBe(false);
    expect(environmentOf(fnName)[declared.decl.envVar] !== undefined).toBe(access !== undefined);
  });

  it('list-households reads the main table, cannot write it and cannot touch the audit table', () => {
    const main = actionsOn('list-households', stateful.tables.get('main')?.table ?? stateful);
    expect(main).toContain('dynamodb:Query');
    expect(TABLE_WRITES.filter((a) => main.has(a))).toEqual([]);
    expect(actionsOn('list-households', stateful.tables.get('audit')?.table ?? stateful).size).toBe(0);
    expect(environmentOf('list-households')).not.toHaveProperty('TABLE_AUDIT');
  });

  it('get-household-identity may write the audit trail', () => {
    const audit = actionsOn('get-household-identity', stateful.tables.get('audit')?.table ?? stateful);
    expect(audit).toContain('dynamodb:PutItem');
    expect(environmentOf('get-household-identity')).toHaveProperty('TABLE_AUDIT');
  });

  it('writers of the CMK-encrypted tables may use the key; readers may only decrypt', () => {
    const key = (name: string) => actionsOn(name, stateful.key);
    expect(key('list-households')).toEqual(new Set(['kms:Decrypt', 'kms:DescribeKey']));
    expect(key('create-household')).toContain('kms:GenerateDataKey*');
  });

  it('gives no function a wildcard action outside the KMS key actions of table writes', () => {
    for (const { decl } of stateless.functions.values()) {
      const wild = statementsOf(decl.name)
        .flatMap((s) => asList(s.Action))
        .filter((a) => a.includes('*'));
      expect(new Set(wild), decl.name).toEqual(
        new Set(
          writes(decl.tables?.main) || writes(decl.tables?.audit)
            ? ['kms:ReEncrypt*', 'kms:GenerateDataKey*']
            : [],
        ),
      );
    }
  });
});

describe('Cognito', () => {
  const pool = resourceOf(template, stateless.auth.userPool);

  it('has one group per role', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('has the declared scope attributes as mutable custom string attributes', () => {
    expect(pool.Properties.Schema).toEqual(
      declaration.auth.scopeAttributes.map((name) =>
        expect.objectContaining({ Name: name, AttributeDataType: 'String', Mutable: true }),
      ),
    );
  });

  it('runs the pre-token-generation trigger as V3_0 (client credentials too) on the ESSENTIALS plan, with MFA required', () => {
    expect(pool.Properties).toMatchObject({
      UserPoolTier: 'ESSENTIALS',
      MfaConfiguration: 'ON',
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: functionArn(declaration.auth.preTokenGenerationFunction),
          LambdaVersion: 'V3_0',
        },
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('has a public web client with short tokens that cannot write scope attributes', () => {
    const client = resourceOf(template, stateless.auth.client).Properties;
    expect(client).toMatchObject({ GenerateSecret: false, AccessTokenValidity: 60 });
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH']));
    expect((client.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
  });
});

describe('state machines', () => {
  it('builds one per declared machine', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', declaration.stateMachines.length);
  });

  it.each(declaration.stateMachines.map((m) => [m.name, m] as const))('%s', (name, decl) => {
    const declared = stateless.stateMachines.get(name);
    if (!declared) throw new Error(`state machine ${name} not built`);
    const machine = resourceOf(template, declared.machine);
    expect(machine.Properties).toMatchObject({
      DefinitionSubstitutions: Object.fromEntries(
        Object.entries(decl.functions).map(([placeholder, fn]) => [placeholder, functionArn(fn)]),
      ),
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
      TracingConfiguration: { Enabled: true },
    });
    const policy = declared.machine.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error('state machine role has no policy');
    const statements = (resourceOf(template, policy).Properties.PolicyDocument as { Statement: Statement[] })
      .Statement;
    const invocable = statements
      .filter((s) => asList(s.Action).includes('lambda:InvokeFunction'))
      .flatMap((s) => asList(s.Resource));
    // Exactly the mapped functions; CDK may merge the grants' statements in any order.
    const expected = [...new Set(Object.values(decl.functions))].map(functionArn);
    expect(invocable).toHaveLength(expected.length);
    expect(invocable).toEqual(expect.arrayContaining(expected));
  });
});

describe('schedules', () => {
  it.each(declaration.schedules.map((s) => [s.name, s] as const))('%s', (_name, decl) => {
    const target =
      'stateMachine' in decl.target
        ? { Ref: logicalIdOf(stateless.stateMachines.get(decl.target.stateMachine)?.machine ?? stateless) }
        : functionArn(decl.target.function);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: decl.cron,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({
        Arn: target,
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
      }),
    });
  });
});

describe('S3 notifications and dead letters', () => {
  const notifications = declaration.buckets.flatMap((b) => b.notifications.map((n) => [b.name, n] as const));

  it.each(notifications)('%s notifies %o', (_bucket, decl) => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: Match.arrayWith([
          {
            Events: [...decl.events],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: decl.prefix }] } },
            LambdaFunctionArn: functionArn(decl.function),
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf(declaredFunction(decl.function).fn) },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('encrypts every dead-letter queue and refuses plain HTTP', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues.length).toBeGreaterThan(0);
    for (const [id, queue] of queues) {
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('alarms and outputs', () => {
  const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);

  it('alarms on errors of every function', () => {
    for (const { fn, decl } of stateless.functions.values()) {
      expect(
        alarms.some(
          (a) =>
            a.MetricName === 'Errors' &&
            JSON.stringify(a.Dimensions).includes(logicalIdOf(fn)) &&
            a.Threshold === 0 &&
            a.ComparisonOperator === 'GreaterThanThreshold',
        ),
        decl.name,
      ).toBe(true);
    }
  });

  it('alarms on dead letters and failed executions', () => {
    const count = (metric: string) => alarms.filter((a) => a.MetricName === metric).length;
    expect(count('ApproximateNumberOfMessagesVisible')).toBe(ofType('AWS::SQS::Queue').length);
    expect(count('ExecutionsFailed')).toBe(declaration.stateMachines.length);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });

  it('outputs the user pool id and client id', () => {
    const outputs = Object.keys(template.toJSON().Outputs as Record<string, unknown>);
    expect(outputs).toEqual(expect.arrayContaining(['UserPoolId', 'UserPoolClientId']));
  });

  it('stays within the 500 resources a CloudFormation stack may hold, with room to grow', () => {
    expect(Object.keys(resources).length).toBeLessThan(450);
  });
});

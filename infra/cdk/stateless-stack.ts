/**
 * Everything that can be replaced without losing data, generated from the declaration:
 * functions and their grants, state machines, the user pool, S3 notifications, schedules,
 * dead-letter queues and alarms. The HTTP API is its own stack (`api-stack.ts`): a route costs
 * two or three CloudFormation resources, and a stack holds at most 500.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { Alarms } from './alarms.ts';
import { Auth } from './auth.ts';
import type { DepartmentClientScope } from '../../shared/auth/identity.ts';
import type { DeclaredBucket } from './buckets.ts';
import { createDeadLetterQueue } from './dead-letter-queues.ts';
import { DeclaredFunction } from './functions.ts';
import { grantBucket, grantDescribe, grantStartExecution, grantTable } from './grants.ts';
import { constructId } from './names.ts';
import { addBucketNotifications } from './notifications.ts';
import { DeclaredSchedule } from './schedules.ts';
import { DeclaredStateMachine } from './state-machines.ts';
import type { DeclaredTable } from './tables.ts';

export interface StatelessStackProps extends StackProps {
  readonly declaration: PlatformDeclaration;
  readonly tables: ReadonlyMap<string, DeclaredTable>;
  readonly buckets: ReadonlyMap<string, DeclaredBucket>;
  readonly allowedOrigins: readonly string[];
  readonly departmentClients: readonly DepartmentClientScope[];
}

const lookup =
  <T>(kind: string, items: ReadonlyMap<string, T>) =>
  (name: string): T => {
    const item = items.get(name);
    if (!item) throw new Error(`${kind} ${name} is referenced but not declared`);
    return item;
  };

/** Functions invoked asynchronously (S3 notifications, schedules) need somewhere for failures to go. */
const asyncFunctionNames = (declaration: PlatformDeclaration): Set<string> =>
  new Set([
    ...declaration.buckets.flatMap((b) => b.notifications.map((n) => n.function)),
    ...declaration.schedules.flatMap((s) => ('function' in s.target ? [s.target.function] : [])),
  ]);

export class StatelessStack extends Stack {
  readonly functions: ReadonlyMap<string, DeclaredFunction>;
  readonly stateMachines: ReadonlyMap<string, DeclaredStateMachine>;
  readonly auth: Auth;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { declaration } = props;
    this.alarms = new Alarms(this, 'Alarms');
    this.functions = this.buildFunctions(props);
    this.stateMachines = this.buildStateMachines(declaration);
    this.routeAsyncFailures(declaration);
    for (const declared of props.buckets.values()) addBucketNotifications(this, declared, this.functionOf);
    this.buildSchedules(declaration);

    this.auth = new Auth(this, 'Auth', {
      decl: declaration.auth,
      preTokenGeneration: this.functionOf(declaration.auth.preTokenGenerationFunction),
      departmentClients: props.departmentClients,
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }

  readonly functionOf = (name: string): LambdaFunction => lookup('function', this.functions)(name).fn;

  private readonly stateMachineOf = (name: string): StateMachine =>
    lookup('state machine', this.stateMachines)(name).machine;

  /** Every declared function, with its table and bucket grants and an error alarm. */
  private buildFunctions(props: StatelessStackProps): Map<string, DeclaredFunction> {
    const tableOf = lookup('table', props.tables);
    const bucketOf = lookup('bucket', props.buckets);
    const functions = new Map<string, DeclaredFunction>();
    for (const decl of props.declaration.functions) {
      const declared = new DeclaredFunction(this, decl);
      for (const [table, access] of Object.entries(decl.tables ?? {})) {
        grantTable(declared, tableOf(table), access);
      }
      for (const [bucket, access] of Object.entries(decl.buckets ?? {})) {
        grantBucket(declared, bucketOf(bucket), access);
      }
      this.alarms.functionErrors(constructId(decl.name), declared.fn);
      functions.set(decl.name, declared);
    }
    return functions;
  }

  /** Every declared state machine, the functions allowed to start it, and a failure alarm. */
  private buildStateMachines(declaration: PlatformDeclaration): Map<string, DeclaredStateMachine> {
    const machines = new Map<string, DeclaredStateMachine>();
    for (const decl of declaration.stateMachines) {
      const declared = new DeclaredStateMachine(this, decl, this.functionOf);
      this.alarms.executionsFailed(constructId(decl.name), declared.machine);
      machines.set(decl.name, declared);
    }
    for (const declared of this.functions.values()) {
      for (const name of declared.decl.startsStateMachines ?? []) {
        const machine = machines.get(name)?.machine;
        if (!machine) throw new Error(`state machine ${name} is referenced but not declared`);
        grantStartExecution(declared, name, machine);
      }
      for (const name of declared.decl.describesStateMachines ?? []) {
        const machine = machines.get(name)?.machine;
        if (!machine) throw new Error(`state machine ${name} is referenced but not declared`);
        grantDescribe(declared, name, machine);
      }
    }
    return machines;
  }

  /** Asynchronously invoked functions send what fails after retries to a watched queue. */
  private routeAsyncFailures(declaration: PlatformDeclaration): void {
    for (const name of asyncFunctionNames(declaration)) {
      const queue = createDeadLetterQueue(this, `${constructId(name)}DeadLetterQueue`);
      this.functionOf(name).configureAsyncInvoke({
        onFailure: new SqsDestination(queue),
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
      });
      this.alarms.deadLetters(constructId(name), queue);
    }
  }

  private buildSchedules(declaration: PlatformDeclaration): void {
    for (const decl of declaration.schedules) {
      const schedule = new DeclaredSchedule(this, decl, {
        functionOf: this.functionOf,
        stateMachineOf: this.stateMachineOf,
      });
      this.alarms.deadLetters(`${constructId(decl.name)}Schedule`, schedule.deadLetterQueue);
    }
  }
}

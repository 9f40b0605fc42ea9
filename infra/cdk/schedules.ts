/**
 * EventBridge Scheduler schedules from the declaration: the declared cron in Asia/Shanghai,
 * targeting a state machine (StartExecution) or a function, with retries and a dead-letter queue.
 */
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { ScheduleDecl } from '../../shared/platform/declaration-types.ts';
import { constructId } from './names.ts';
import { createDeadLetterQueue } from './dead-letter-queues.ts';
import { acknowledgeWildcardResource } from './nag.ts';

export interface ScheduleTargets {
  readonly functionOf: (name: string) => LambdaFunction;
  readonly stateMachineOf: (name: string) => StateMachine;
}

export class DeclaredSchedule extends Construct {
  readonly decl: ScheduleDecl;
  readonly schedule: Schedule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, decl: ScheduleDecl, targets: ScheduleTargets) {
    super(scope, `${constructId(decl.name)}Schedule`);
    this.decl = decl;
    this.deadLetterQueue = createDeadLetterQueue(this, 'DeadLetterQueue');
    const targetProps = {
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: 3,
      maxEventAge: Duration.hours(1),
      input: ScheduleTargetInput.fromObject(decl.input ?? {}),
    };
    this.schedule = new Schedule(this, 'Schedule', {
      description: decl.description,
      schedule: ScheduleExpression.expression(decl.cron, TimeZone.of(decl.timezone)),
      target:
        'stateMachine' in decl.target
          ? new StepFunctionsStartExecution(targets.stateMachineOf(decl.target.stateMachine), targetProps)
          : this.invoke(targets.functionOf(decl.target.function), targetProps),
    });
  }

  /** CDK grants the scheduler's role `lambda:InvokeFunction` on the function and `<arn>:*`. */
  private invoke(fn: LambdaFunction, props: ConstructorParameters<typeof LambdaInvoke>[1]): LambdaInvoke {
    acknowledgeWildcardResource(
      Stack.of(this),
      `${fn.functionArn}:*`,
      'The scheduler role may invoke this one function under any version qualifier, as the LambdaInvoke target grants; no other function',
    );
    return new LambdaInvoke(fn, props);
  }
}

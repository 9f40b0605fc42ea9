/**
 * Alarms that page on the first failure: function errors, messages in a dead-letter queue,
 * failed state machine executions and API 5xx. All notify one KMS-encrypted SNS topic.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);

export class Alarms extends Construct {
  /** Subscribe operators (e-mail, SMS, chat) to this topic. */
  readonly topic: ITopic;

  /** Creates the topic (and its key), or notifies an existing one (another stack's). */
  constructor(scope: Construct, id: string, existing?: { readonly topic: ITopic }) {
    super(scope, id);
    if (existing) {
      this.topic = existing.topic;
      return;
    }
    const key = new Key(this, 'TopicKey', {
      description: '防贫保: alarm notifications',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
  }

  functionErrors(name: string, fn: LambdaFunction): Alarm {
    return this.whenAboveZero(`${name}Errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }));
  }

  deadLetters(name: string, queue: Queue): Alarm {
    return this.whenAboveZero(
      `${name}DeadLetters`,
      queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
    );
  }

  executionsFailed(name: string, machine: StateMachine): Alarm {
    return this.whenAboveZero(
      `${name}ExecutionsFailed`,
      machine.metricFailed({ period: PERIOD, statistic: 'Sum' }),
    );
  }

  serverErrors(name: string, api: HttpApi): Alarm {
    return this.whenAboveZero(
      `${name}ServerErrors`,
      api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
    );
  }

  private whenAboveZero(id: string, metric: IMetric): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}

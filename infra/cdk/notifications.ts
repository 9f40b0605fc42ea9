/**
 * S3 event notifications from the declaration. The bucket lives in the stateful stack and the
 * function in this one; configuring the notification on an imported reference keeps the
 * notification (and its custom resource) here, so the stateful stack never refers back.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { BucketNotificationDecl } from '../../shared/platform/declaration-types.ts';
import type { DeclaredBucket } from './buckets.ts';
import { constructId } from './names.ts';

const EVENT_TYPES: Readonly<Record<BucketNotificationDecl['events'][number], EventType>> = {
  's3:ObjectCreated:*': EventType.OBJECT_CREATED,
  's3:ObjectRemoved:*': EventType.OBJECT_REMOVED,
};

export const addBucketNotifications = (
  scope: Construct,
  declared: DeclaredBucket,
  functionOf: (name: string) => LambdaFunction,
): void => {
  if (declared.decl.notifications.length === 0) return;
  const bucket = Bucket.fromBucketAttributes(scope, `${constructId(declared.decl.name)}BucketRef`, {
    bucketArn: declared.bucket.bucketArn,
    bucketName: declared.bucket.bucketName,
  });
  for (const notification of declared.decl.notifications) {
    const destination = new LambdaDestination(functionOf(notification.function));
    const filters = notification.prefix ? [{ prefix: notification.prefix }] : [];
    for (const event of notification.events) {
      bucket.addEventNotification(EVENT_TYPES[event], destination, ...filters);
    }
  }
  acknowledgeNotificationsHandler(Stack.of(scope));
};

/** CDK's singleton that calls PutBucketNotificationConfiguration during deployment. */
const acknowledgeNotificationsHandler = (stack: Stack): void => {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'CDK-provided handler that sets the bucket notification configuration at deploy time; the managed policy only lets it write its own logs.',
  });
};

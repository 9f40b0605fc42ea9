/**
 * The declared buckets (private, TLS only, the CMK, versioned, access-logged, CORS for
 * presigned PUT from the browser) and the one bucket that receives their access logs.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { BucketDecl } from '../../shared/platform/declaration-types.ts';
import { constructId } from './names.ts';

/** A bucket built from the declaration, with the declaration it came from. */
export interface DeclaredBucket {
  readonly decl: BucketDecl;
  readonly bucket: Bucket;
}

/** Server access logs target: SSE-S3, since S3 log delivery cannot write to SSE-KMS buckets. */
export const createAccessLogsBucket = (scope: Construct): Bucket => {
  const bucket = new Bucket(scope, 'AccessLogsBucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return bucket;
};

export const createBucket = (
  scope: Construct,
  decl: BucketDecl,
  key: IKey,
  accessLogs: IBucket,
  allowedOrigins: readonly string[],
): DeclaredBucket => {
  const bucket = new Bucket(scope, `${constructId(decl.name)}Bucket`, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
    enforceSSL: true,
    versioned: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: `${decl.name}/`,
    cors: [
      {
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
        allowedOrigins: [...allowedOrigins],
        allowedHeaders: ['*'],
        exposedHeaders: ['ETag'],
        maxAge: 3000,
      },
    ],
    lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return { decl, bucket };
};

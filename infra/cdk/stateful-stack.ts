/**
 * Everything that holds data and must outlive a redeploy: the customer-managed key, the
 * declared tables and buckets. All RETAIN; the stateless stack receives these constructs.
 */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { createAccessLogsBucket, createBucket, type DeclaredBucket } from './buckets.ts';
import { createTable, type DeclaredTable } from './tables.ts';

export interface StatefulStackProps extends StackProps {
  readonly declaration: PlatformDeclaration;
  /** Browser origins allowed to PUT to presigned URLs. */
  readonly allowedOrigins: readonly string[];
}

export class StatefulStack extends Stack {
  readonly key: Key;
  readonly tables: ReadonlyMap<string, DeclaredTable>;
  readonly buckets: ReadonlyMap<string, DeclaredBucket>;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.key = new Key(this, 'DataKey', {
      description: '防贫保: tables and evidence (personal data)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.tables = new Map(
      props.declaration.tables.map((decl) => [decl.name, createTable(this, decl, this.key)]),
    );
    const accessLogs = createAccessLogsBucket(this);
    this.buckets = new Map(
      props.declaration.buckets.map((decl) => [
        decl.name,
        createBucket(this, decl, this.key, accessLogs, props.allowedOrigins),
      ]),
    );
  }
}

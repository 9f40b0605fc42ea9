import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { declaration } from '../../shared/platform/declaration.ts';
import { logicalIdOf, resourceOf, synthPlatform } from './platform-fixture.ts';

const { stateful, statefulTemplate: template } = synthPlatform();
const keyArn = { 'Fn::GetAtt': [logicalIdOf(stateful.key), 'Arn'] };

const declaredTable = (name: string) => {
  const declared = stateful.tables.get(name);
  if (!declared) throw new Error(`table ${name} not built`);
  return declared;
};

describe('stateful stack', () => {
  it('has a customer-managed key with rotation, kept on delete', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
  });

  it('builds exactly the declared tables', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', declaration.tables.length);
  });

  describe.each(declaration.tables.map((t) => [t.name, t] as const))('table %s', (name, decl) => {
    const table = resourceOf(template, declaredTable(name).table);

    it('is on demand, with PITR, deletion protection and SSE with the CMK, retained', () => {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
      });
    });

    it('has the declared keys, indexes, stream and TTL', () => {
      const keySchema = (pk: string, sk?: string) => [
        { AttributeName: pk, KeyType: 'HASH' },
        ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' }] : []),
      ];
      expect(table.Properties.KeySchema).toEqual(keySchema(decl.partitionKey, decl.sortKey));
      const gsis = (table.Properties.GlobalSecondaryIndexes ?? []) as {
        IndexName: string;
        KeySchema: unknown;
        Projection: unknown;
      }[];
      expect(gsis.map((g) => ({ name: g.IndexName, keys: g.KeySchema }))).toEqual(
        decl.gsis.map((g) => ({ name: g.name, keys: keySchema(g.partitionKey, g.sortKey) })),
      );
      expect(table.Properties.StreamSpecification).toEqual(
        decl.stream ? { StreamViewType: decl.stream } : undefined,
      );
      expect(table.Properties.TimeToLiveSpecification).toEqual(
        decl.ttlAttribute ? { AttributeName: decl.ttlAttribute, Enabled: true } : undefined,
      );
    });
  });

  describe.each(declaration.buckets.map((b) => [b.name] as const))('bucket %s', (name) => {
    const declared = stateful.buckets.get(name);
    if (!declared) throw new Error(`bucket ${name} not built`);
    const bucket = resourceOf(template, declared.bucket);

    it('is private, versioned, encrypted with the CMK, access-logged and retained', () => {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn },
              BucketKeyEnabled: true,
            },
          ],
        },
        LoggingConfiguration: { DestinationBucketName: expect.anything(), LogFilePrefix: `${name}/` },
      });
    });

    it('allows a browser to PUT to a presigned URL', () => {
      expect(bucket.Properties.CorsConfiguration).toMatchObject({
        CorsRules: [expect.objectContaining({ AllowedMethods: expect.arrayContaining(['PUT']) })],
      });
    });

    it('refuses requests without TLS', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalIdOf(declared.bucket) },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });
  });

  it('keeps the stateful stack free of references to the stateless one', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('FangpinbaoStateless');
  });
});

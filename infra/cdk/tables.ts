/** One DynamoDB table per declared table: on demand, PITR, deletion protection, the CMK. */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableDecl } from '../../shared/platform/declaration-types.ts';
import { constructId } from './names.ts';

/** A table built from the declaration, with the declaration it came from. */
export interface DeclaredTable {
  readonly decl: TableDecl;
  readonly table: Table;
}

/** Keys in the single-table design are strings (`pk`, `sk`, `gsiNpk`, …). */
const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

export const createTable = (scope: Construct, decl: TableDecl, key: IKey): DeclaredTable => {
  const table = new Table(scope, `${constructId(decl.name)}Table`, {
    partitionKey: stringKey(decl.partitionKey),
    sortKey: decl.sortKey ? stringKey(decl.sortKey) : undefined,
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    stream: decl.stream ? StreamViewType[decl.stream] : undefined,
    timeToLiveAttribute: decl.ttlAttribute,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const gsi of decl.gsis) {
    table.addGlobalSecondaryIndex({
      indexName: gsi.name,
      partitionKey: stringKey(gsi.partitionKey),
      sortKey: gsi.sortKey ? stringKey(gsi.sortKey) : undefined,
      projectionType: ProjectionType.ALL,
    });
  }
  return { decl, table };
};

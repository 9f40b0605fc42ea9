/**
 * Least privilege at the point of use: each grant gives a declared function exactly the
 * declared access to one resource AND sets the environment variable that names it, in the same
 * call, so a function never holds a name without the permission or the permission without the
 * name. The wildcards a grant cannot avoid are acknowledged here, with the reason.
 */
import { Grant } from 'aws-cdk-lib/aws-iam';
import type { Access } from '../../shared/platform/declaration-types.ts';
import { stateMachineEnvVar } from '../../shared/platform/declaration-types.ts';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { DeclaredBucket } from './buckets.ts';
import type { DeclaredFunction } from './functions.ts';
import { acknowledgeWildcardAction, acknowledgeWildcardResource } from './nag.ts';
import type { DeclaredTable } from './tables.ts';

const reads = (access: Access): boolean => access !== 'write';
const writes = (access: Access): boolean => access !== 'read';

/**
 * DynamoDB through the table's own grants, which also grant the table's CMK: decrypt to read;
 * encrypt, re-encrypt and generate data keys to write.
 */
export const grantTable = (target: DeclaredFunction, declared: DeclaredTable, access: Access): void => {
  const { table, decl } = declared;
  if (access === 'read') table.grantReadData(target.fn);
  if (access === 'write') table.grantWriteData(target.fn);
  if (access === 'readwrite') table.grantReadWriteData(target.fn);
  target.fn.addEnvironment(decl.envVar, table.tableName);

  if (decl.gsis.length > 0) {
    acknowledgeWildcardResource(
      target,
      `${table.tableArn}/index/*`,
      `The ${decl.name} table is queried through its declared indexes (${decl.gsis.map((g) => g.name).join(', ')}); the index wildcard covers this table's indexes only.`,
    );
  }
  if (writes(access)) {
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      acknowledgeWildcardAction(
        target,
        action,
        `Writing items to the CMK-encrypted ${decl.name} table needs these key actions; they apply to the one data key only.`,
      );
    }
  }
};

/**
 * S3 with named actions only: read = GetObject (and HeadObject) plus ListBucket (so a missing
 * key is a 404, not a 403); write = PutObject (presigned uploads). No function deletes evidence.
 */
export const grantBucket = (target: DeclaredFunction, declared: DeclaredBucket, access: Access): void => {
  const { bucket, decl } = declared;
  const objects = bucket.arnForObjects('*');
  const grant = (actions: string[], resource: string): Grant =>
    Grant.addToPrincipal({ grantee: target.fn, actions, resourceArns: [resource] });
  if (reads(access)) {
    grant(['s3:GetObject'], objects);
    grant(['s3:ListBucket'], bucket.bucketArn);
    bucket.encryptionKey?.grantDecrypt(target.fn);
  }
  if (writes(access)) {
    grant(['s3:PutObject'], objects);
    bucket.encryptionKey?.grant(target.fn, 'kms:GenerateDataKey');
  }
  target.fn.addEnvironment(decl.envVar, bucket.bucketName);

  acknowledgeWildcardResource(
    target,
    objects,
    `Object keys in the ${decl.name} bucket are made per upload at run time; the function may ${access} any object of this one bucket.`,
  );
};

/** `states:DescribeStateMachine` on this machine only, and its ARN in `STATE_MACHINE_<NAME>_ARN`. */
export const grantDescribe = (target: DeclaredFunction, name: string, machine: StateMachine): void => {
  Grant.addToPrincipal({
    grantee: target.fn,
    actions: ['states:DescribeStateMachine'],
    resourceArns: [machine.stateMachineArn],
  });
  target.fn.addEnvironment(stateMachineEnvVar(name), machine.stateMachineArn);
};

/** `states:StartExecution` on this machine only, and its ARN in `STATE_MACHINE_<NAME>_ARN`. */
export const grantStartExecution = (target: DeclaredFunction, name: string, machine: StateMachine): void => {
  machine.grantStartExecution(target.fn);
  target.fn.addEnvironment(stateMachineEnvVar(name), machine.stateMachineArn);
};

/**
 * Physical names, ARNs and environment of the local runtime, all derived from the declaration.
 * On AWS, CDK names things; on a laptop these fixed names keep the data directory readable.
 */
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { stateMachineEnvVar } from '../../shared/platform/declaration-types.ts';

export const LOCAL_REGION = 'cn-north-1';
export const LOCAL_ACCOUNT = '000000000000';
/** The China regions live in their own partition (`arn:aws-cn:…`). */
export const LOCAL_PARTITION = LOCAL_REGION.startsWith('cn-') ? 'aws-cn' : 'aws';
const PREFIX = 'fpb-local';

export const physicalTableName = (logical: string): string => `${PREFIX}-${logical}`;
export const physicalBucketName = (logical: string): string => `${PREFIX}-${logical}`;
export const physicalFunctionName = (logical: string): string => `${PREFIX}-${logical}`;

export const stateMachineArn = (name: string): string =>
  `arn:${LOCAL_PARTITION}:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
export const executionArn = (stateMachine: string, execution: string): string =>
  `arn:${LOCAL_PARTITION}:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${stateMachine}:${execution}`;
export const functionArn = (name: string): string =>
  `arn:${LOCAL_PARTITION}:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${physicalFunctionName(name)}`;

/**
 * The union of what every declared function is granted: TABLE_*, BUCKET_* and
 * STATE_MACHINE_*_ARN. Locally every handler runs in one process and sees all of them; the
 * least-privilege boundary (one grant = one variable + one IAM permission) holds on AWS only.
 */
export const resourceEnvironment = (declaration: PlatformDeclaration): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const fn of declaration.functions) {
    for (const logical of Object.keys(fn.tables ?? {})) {
      const table = declaration.tables.find((t) => t.name === logical);
      if (!table) throw new Error(`function ${fn.name} is granted undeclared table ${logical}`);
      env[table.envVar] = physicalTableName(table.name);
    }
    for (const logical of Object.keys(fn.buckets ?? {})) {
      const bucket = declaration.buckets.find((b) => b.name === logical);
      if (!bucket) throw new Error(`function ${fn.name} is granted undeclared bucket ${logical}`);
      env[bucket.envVar] = physicalBucketName(bucket.name);
    }
    for (const machine of [...(fn.startsStateMachines ?? []), ...(fn.describesStateMachines ?? [])]) {
      if (!declaration.stateMachines.some((m) => m.name === machine))
        throw new Error(`function ${fn.name} may start undeclared state machine ${machine}`);
      env[stateMachineEnvVar(machine)] = stateMachineArn(machine);
    }
  }
  return env;
};

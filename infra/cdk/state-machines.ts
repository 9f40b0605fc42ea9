/**
 * One Step Functions state machine per declared machine, from its ASL file. Every `${Placeholder}`
 * in the file is substituted with a declared function's ARN, and the machine's role may invoke
 * exactly those functions. Logs every event without execution data (no personal data in logs).
 */
import fs from 'node:fs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { StateMachineDecl } from '../../shared/platform/declaration-types.ts';
import { constructId } from './names.ts';
import { fromRoot } from './paths.ts';
import { LOG_RETENTION } from './retention.ts';

/** The `${Name}` placeholders of an ASL document. */
export const placeholdersOf = (asl: string): string[] =>
  [...new Set([...asl.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ''))].sort();

/** The ASL and the declaration must name the same placeholders, or the machine cannot run. */
const checkPlaceholders = (decl: StateMachineDecl, asl: string): void => {
  const inFile = placeholdersOf(asl);
  const declared = Object.keys(decl.functions).sort();
  if (inFile.join() !== declared.join()) {
    throw new Error(
      `state machine ${decl.name}: ${decl.file} uses [${inFile.join(', ')}] but the declaration maps [${declared.join(', ')}]`,
    );
  }
};

export class DeclaredStateMachine extends Construct {
  readonly decl: StateMachineDecl;
  readonly machine: StateMachine;

  constructor(scope: Construct, decl: StateMachineDecl, functionOf: (name: string) => LambdaFunction) {
    super(scope, `${constructId(decl.name)}StateMachine`);
    this.decl = decl;
    const file = fromRoot(decl.file);
    checkPlaceholders(decl, fs.readFileSync(file, 'utf8'));
    const tasks = Object.entries(decl.functions).map(([placeholder, name]) => ({
      placeholder,
      fn: functionOf(name),
    }));

    this.machine = new StateMachine(this, 'Machine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(file),
      definitionSubstitutions: Object.fromEntries(tasks.map((t) => [t.placeholder, t.fn.functionArn])),
      logs: {
        destination: new LogGroup(this, 'Logs', { retention: LOG_RETENTION }),
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
      tracingEnabled: true,
    });
    this.machine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...new Set(tasks.map((t) => t.fn.functionArn))],
      }),
    );
    Validations.of(this.machine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the CloudWatch Logs delivery actions (logs:CreateLogDelivery, …) and X-Ray tracing actions that Step Functions needs; neither supports resource-level permissions.',
    });
  }
}

/**
 * The HTTP API, its routes and their Lambda integrations, in a stack of its own: the stateless
 * stack's functions and user pool come in as cross-stack references. API 5xx alarms notify the
 * stateless stack's alarm topic.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import type { StatelessStack } from './stateless-stack.ts';

export interface ApiStackProps extends StackProps {
  readonly declaration: PlatformDeclaration;
  readonly stateless: StatelessStack;
  readonly allowedOrigins: readonly string[];
}

export class ApiStack extends Stack {
  readonly api: Api;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { auth } = props.stateless;
    this.api = new Api(this, 'Api', {
      routes: props.declaration.routes,
      functionOf: props.stateless.functionOf,
      userPool: auth.userPool,
      clients: [auth.client, ...auth.departmentClients.map((d) => d.client)],
      allowedOrigins: props.allowedOrigins,
    });
    new Alarms(this, 'Alarms', { topic: props.stateless.alarms.topic }).serverErrors('Api', this.api.httpApi);
    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'HTTP API base URL' });
  }
}

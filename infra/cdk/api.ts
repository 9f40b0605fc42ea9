/**
 * The HTTP API: one route per declared route. Public routes (`roles: 'public'`) have no
 * authorizer; every other route goes through the Cognito JWT authorizer (issuer = the user
 * pool, audience = the web client). Role checks happen in the handler (`apiHandler`), from
 * the same route declaration. The stage logs every request and throttles.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type HttpStage,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDecl } from '../../shared/platform/declaration-types.ts';
import { routeKey } from '../../shared/http/route.ts';
import { constructId } from './names.ts';
import { LOG_RETENTION } from './retention.ts';

export interface ApiProps {
  readonly routes: readonly RouteDecl[];
  readonly functionOf: (name: string) => LambdaFunction;
  readonly userPool: UserPool;
  /** The audiences the authorizer accepts: the web client and the department clients. */
  readonly clients: readonly UserPoolClient[];
  readonly allowedOrigins: readonly string[];
}

/** The fields of each access log line; no query strings or bodies, so no personal data. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
});

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: '防贫保 API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        exposeHeaders: ['x-request-id'],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION }),
        ),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [...props.clients],
    });
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationOf = (name: string): HttpLambdaIntegration => {
      const existing = integrations.get(name);
      if (existing) return existing;
      const created = new HttpLambdaIntegration(`${constructId(name)}Integration`, props.functionOf(name));
      integrations.set(name, created);
      return created;
    };
    for (const route of props.routes) this.addRoute(route, integrationOf(route.function), authorizer);
  }

  private addRoute(
    route: RouteDecl,
    integration: HttpLambdaIntegration,
    authorizer: IHttpRouteAuthorizer,
  ): void {
    const isPublic = route.roles === 'public';
    const [created] = this.httpApi.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration,
      authorizer: isPublic ? new HttpNoneAuthorizer() : authorizer,
    });
    if (isPublic && created) {
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${routeKey(route)} is declared public (health check / API document); it returns no personal data.`,
      });
    }
  }
}

/**
 * The API stack: one route per declared route, each on its function's integration (the function
 * imported from the stateless stack), the Cognito JWT authorizer, the stage, the 5xx alarm.
 */
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { declaration } from '../../shared/platform/declaration.ts';
import { routeKey } from '../../shared/http/route.ts';
import { logicalIdOf, refersTo, synthPlatform, type CfnResource } from './platform-fixture.ts';

const { stateless, apiTemplate: template } = synthPlatform();

const resources = template.toJSON().Resources as Record<string, CfnResource>;
const ofType = (type: string): [string, CfnResource][] =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

const declaredFunction = (name: string) => {
  const fn = stateless.functions.get(name);
  if (!fn) throw new Error(`function ${name} not built`);
  return fn;
};

describe('HTTP API', () => {
  const routes = new Map(
    ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey as string, r]),
  );
  const [authorizerId] = ofType('AWS::ApiGatewayV2::Authorizer').map(([id]) => id);

  it('has exactly one route per declared route', () => {
    expect([...routes.keys()].sort()).toEqual(declaration.routes.map(routeKey).sort());
  });

  it.each(declaration.routes.map((r) => [routeKey(r), r] as const))('%s', (key, decl) => {
    const route = routes.get(key);
    if (decl.roles === 'public') {
      expect(route?.Properties).toMatchObject({ AuthorizationType: 'NONE' });
      expect(route?.Properties).not.toHaveProperty('AuthorizerId');
    } else {
      expect(route?.Properties).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
    const target = JSON.stringify(route?.Properties.Target);
    const [, integration] =
      ofType('AWS::ApiGatewayV2::Integration').find(([id]) => target.includes(id)) ?? [];
    expect(refersTo(integration?.Properties.IntegrationUri, declaredFunction(decl.function).fn)).toBe(true);
  });

  it('authorizes with a Cognito JWT authorizer: issuer = the user pool, audience = the web and department clients', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: Match.anyValue(), Issuer: Match.anyValue() },
    });
    const [[, authorizer] = []] = ofType('AWS::ApiGatewayV2::Authorizer');
    const audience = (authorizer?.Properties.JwtConfiguration as { Audience: unknown[] }).Audience;
    const clients = [stateless.auth.client, ...stateless.auth.departmentClients.map((d) => d.client)];
    expect(audience).toHaveLength(clients.length);
    clients.forEach((client, i) => expect(refersTo(audience[i], client)).toBe(true));
    const issuer = JSON.stringify(authorizer?.Properties.JwtConfiguration);
    expect(issuer).toContain('https://cognito-idp.');
    expect(issuer).toContain(logicalIdOf(stateless.auth.userPool));
  });

  it('logs every request on the stage and throttles', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('API alarms and outputs', () => {
  it("alarms on API 5xx to the stateless stack's topic, and outputs the API URL", () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms.map((a) => a.MetricName)).toEqual(['5xx']);
    expect(alarms[0]?.AlarmActions).toHaveLength(1);
    expect(refersTo(alarms[0]?.AlarmActions, stateless.alarms.topic)).toBe(true);
    expect(Object.keys(template.toJSON().Outputs as Record<string, unknown>)).toContain('ApiUrl');
  });

  it('stays within the 500 resources a CloudFormation stack may hold', () => {
    expect(Object.keys(resources).length).toBeLessThan(500);
  });
});

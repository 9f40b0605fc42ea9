/**
 * Department machine access (issue 3 item 7): the resource server, the domain for the token
 * endpoint, one client-credentials client per registered department client, the authorizer's
 * audiences, the V3_0 trigger with the registered list — and no dependency cycle.
 */
import { describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { buildPlatform } from '../../infra/cdk/platform.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import { refersTo, resourceOf, synthPlatform, testApp, type CfnResource } from './platform-fixture.ts';

const { stateless, statelessTemplate: template, apiTemplate } = synthPlatform();
const resources = template.toJSON().Resources as Record<string, CfnResource & { DependsOn?: string[] }>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

const DEMO_SCOPES = [
  'department.420702000000.medical_insurance',
  'department.420702000000.civil_affairs',
  'department.420702000000.emergency_management',
  'department.420702000000.education',
];

describe('department clients (default: the demo county’s four)', () => {
  it('has the resource server fangpinbao with the push scope and one scope per department client', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolResourceServer', 1);
    const [[, server] = []] = ofType('AWS::Cognito::UserPoolResourceServer');
    expect(server?.Properties.Identifier).toBe('fangpinbao');
    expect((server?.Properties.Scopes as { ScopeName: string }[]).map((s) => s.ScopeName)).toEqual([
      'referrals.push',
      ...DEMO_SCOPES,
    ]);
  });

  it('has a Cognito prefix domain for the token endpoint', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    const [[, domain] = []] = ofType('AWS::Cognito::UserPoolDomain');
    expect(JSON.stringify(domain?.Properties.Domain)).toContain('fangpinbao-');
  });

  it('one confidential client-credentials client each, allowed only the push scope and its own', () => {
    expect(stateless.auth.departmentClients.map((d) => d.scope.department)).toEqual([
      'medical_insurance',
      'civil_affairs',
      'emergency_management',
      'education',
    ]);
    for (const [i, { client }] of stateless.auth.departmentClients.entries()) {
      const props = resourceOf(template, client).Properties;
      expect(props).toMatchObject({
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthFlowsUserPoolClient: true,
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 60,
      });
      expect(JSON.stringify(props.AllowedOAuthScopes)).toContain('/referrals.push');
      expect(JSON.stringify(props.AllowedOAuthScopes)).toContain(`/${DEMO_SCOPES[i]}`);
      expect(props.AllowedOAuthScopes).toHaveLength(2);
    }
  });

  it('the authorizer accepts the web client and every department client', () => {
    const [authorizer] = Object.values(
      apiTemplate.findResources('AWS::ApiGatewayV2::Authorizer') as Record<string, CfnResource>,
    );
    const audience = (authorizer?.Properties.JwtConfiguration as { Audience: unknown[] }).Audience;
    const clients = [stateless.auth.client, ...stateless.auth.departmentClients.map((d) => d.client)];
    expect(audience).toHaveLength(5);
    clients.forEach((client, i) => expect(refersTo(audience[i], client)).toBe(true));
  });

  it('the trigger runs as V3_0 and gets the registered list (no client ids) in FPB_DEPARTMENT_CLIENTS', () => {
    const pool = resourceOf(template, stateless.auth.userPool).Properties;
    expect(pool.LambdaConfig).toMatchObject({ PreTokenGenerationConfig: { LambdaVersion: 'V3_0' } });
    const trigger = stateless.functions.get(declaration.auth.preTokenGenerationFunction);
    if (!trigger) throw new Error('trigger not built');
    const env = (
      resourceOf(template, trigger.fn).Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    expect(JSON.parse(String(env.FPB_DEPARTMENT_CLIENTS))).toEqual([
      { department: 'medical_insurance', countyCode: '420702000000' },
      { department: 'civil_affairs', countyCode: '420702000000' },
      { department: 'emergency_management', countyCode: '420702000000' },
      { department: 'education', countyCode: '420702000000' },
    ]);
  });

  it('has no CloudFormation dependency cycle (user pool → trigger → clients → user pool would be one)', () => {
    const edges = new Map<string, Set<string>>();
    const refsIn = (value: unknown, into: Set<string>): void => {
      if (Array.isArray(value)) value.forEach((v) => refsIn(v, into));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === 'Ref' && typeof v === 'string' && v in resources) into.add(v);
          else if (k === 'Fn::GetAtt' && Array.isArray(v) && typeof v[0] === 'string' && v[0] in resources)
            into.add(v[0]);
          else refsIn(v, into);
        }
      }
    };
    for (const [id, resource] of Object.entries(resources)) {
      const deps = new Set<string>(resource.DependsOn ?? []);
      refsIn(resource.Properties, deps);
      edges.set(id, deps);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(id)), id].join(' → '));
        return;
      }
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of edges.keys()) visit(id, []);
    expect(cycles).toEqual([]);
  });
});

describe('context fangpinbao:departmentClients', () => {
  it('registers exactly the listed clients', () => {
    const app = testApp({
      context: {
        'fangpinbao:departmentClients': [{ department: 'civil_affairs', countyCode: '420703000000' }],
      },
    });
    const { stateless: other } = buildPlatform(app, declaration);
    const t = Template.fromStack(other);
    t.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    expect(other.auth.departmentClients.map((d) => d.scope)).toEqual([
      { department: 'civil_affairs', countyCode: '420703000000' },
    ]);
  });

  it('refuses a malformed list', () => {
    const app = testApp({
      context: { 'fangpinbao:departmentClients': [{ department: 'police', countyCode: '42' }] },
    });
    expect(() => buildPlatform(app, declaration)).toThrow('fangpinbao:departmentClients');
  });
});

/**
 * Declarations the current one does not exercise yet: a function that starts a state machine,
 * a schedule that targets a function, a handler file not written yet, and mistakes the
 * synth must refuse.
 */
import { describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DeclaredFunction } from '../../infra/cdk/functions.ts';
import { buildPlatform } from '../../infra/cdk/platform.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import type { FunctionDecl, PlatformDeclaration } from '../../shared/platform/declaration-types.ts';
import { logicalIdOf, resourceOf, synthPlatform, testApp } from './platform-fixture.ts';

const withFunction = (name: string, change: Partial<FunctionDecl>): PlatformDeclaration => ({
  ...declaration,
  functions: declaration.functions.map((f) => (f.name === name ? { ...f, ...change } : f)),
});

describe('a function that starts a state machine and a schedule that invokes a function', () => {
  const variant: PlatformDeclaration = {
    ...withFunction('get-registry-stats', { startsStateMachines: ['registry-snapshot'] }),
    schedules: [
      ...declaration.schedules,
      {
        name: 'list-counties-hourly',
        description: 'test: a schedule with a function target',
        cron: 'cron(0 * * * ? *)',
        timezone: 'Asia/Shanghai',
        target: { function: 'list-counties' },
        input: { reason: 'test' },
      },
    ],
  };
  const { stateless, statelessTemplate: template } = synthPlatform(variant);
  const fn = (name: string) => {
    const declared = stateless.functions.get(name);
    if (!declared) throw new Error(`function ${name} not built`);
    return declared;
  };
  const machine = stateless.stateMachines.get('registry-snapshot')?.machine ?? stateless;

  it('may start that state machine only, and knows its ARN', () => {
    const starter = fn('get-registry-stats');
    const policy = starter.role.node.findChild('DefaultPolicy');
    expect(resourceOf(template, policy).Properties.PolicyDocument).toMatchObject({
      Statement: expect.arrayContaining([
        { Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: logicalIdOf(machine) } },
      ]),
    });
    expect(resourceOf(template, starter.fn).Properties.Environment).toMatchObject({
      Variables: { STATE_MACHINE_REGISTRY_SNAPSHOT_ARN: { Ref: logicalIdOf(machine) } },
    });
  });

  it('gives no other function StartExecution', () => {
    const others = [...stateless.functions.values()].filter(
      (f) => f.decl.name !== 'get-registry-stats' && (f.decl.startsStateMachines ?? []).length === 0,
    );
    for (const other of others) {
      const policy = other.role.node.tryFindChild('DefaultPolicy');
      const document = policy ? JSON.stringify(resourceOf(template, policy).Properties.PolicyDocument) : '';
      expect(document, other.decl.name).not.toContain('states:StartExecution');
    }
  });

  it('invokes the function from the schedule, with a dead-letter queue for both hops', () => {
    const target = fn('list-counties').fn;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf(target), 'Arn'] },
        Input: JSON.stringify({ reason: 'test' }),
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf(target) },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('mistakes the synth refuses', () => {
  it('a state machine whose ASL and declaration name different placeholders', () => {
    const variant: PlatformDeclaration = {
      ...declaration,
      stateMachines: declaration.stateMachines.map((m) => ({
        ...m,
        functions: { ListCountiesFunctionArn: 'list-counties' },
      })),
    };
    expect(() => buildPlatform(testApp(), variant)).toThrow(
      /uses \[ListCountiesFunctionArn, SnapshotCountyFunctionArn\]/,
    );
  });

  it('a route to a function that is not declared', () => {
    const [first, ...rest] = declaration.routes;
    if (!first) throw new Error('no routes declared');
    const variant: PlatformDeclaration = {
      ...declaration,
      routes: [{ ...first, function: 'nope' }, ...rest],
    };
    expect(() => buildPlatform(testApp(), variant)).toThrow('function nope is referenced but not declared');
  });
});

describe('a handler file that does not exist yet', () => {
  const missing: FunctionDecl = {
    name: 'not-written',
    entry: 'functions/nowhere/not-written.ts',
    description: 'test',
    memoryMb: 128,
    timeoutSeconds: 3,
  };

  it('gets a stub when the stack is not bundled (cdk ls, these tests)', () => {
    const stack = new Stack(testApp(), 'Unbundled');
    new DeclaredFunction(stack, missing);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: Match.stringLikeRegexp('not written yet') },
      Runtime: 'nodejs22.x',
    });
  });

  it('fails the synth when the stack is bundled', () => {
    const stack = new Stack(new App(), 'Bundled');
    expect(() => new DeclaredFunction(stack, missing)).toThrow(
      /functions\/nowhere\/not-written.ts does not exist/,
    );
  });
});

describe('the health function', () => {
  const { stateless, statelessTemplate: template } = synthPlatform(declaration);
  it('may describe every declared state machine, and start none', () => {
    const health = stateless.functions.get('get-health');
    if (!health) throw new Error('get-health not built');
    const document = resourceOf(template, health.role.node.findChild('DefaultPolicy')).Properties
      .PolicyDocument as {
      Statement: { Action: string | string[]; Resource: unknown }[];
    };
    const described = document.Statement.filter((s) =>
      [s.Action].flat().includes('states:DescribeStateMachine'),
    )
      .flatMap((s) => [s.Resource].flat())
      .map((r) => JSON.stringify(r))
      .sort();
    const machines = [...stateless.stateMachines.values()].map((m) =>
      JSON.stringify({ Ref: logicalIdOf(m.machine) }),
    );
    expect(described).toEqual(machines.sort());
    expect(machines.length).toBe(declaration.stateMachines.length);
    expect(JSON.stringify(document)).not.toContain('states:StartExecution');
  });
});

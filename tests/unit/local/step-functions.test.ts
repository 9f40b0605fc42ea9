import { describe, expect, it } from 'vitest';
import {
  allStates,
  loadDefinition,
  placeholdersOf,
  taskBindings,
} from '../../../infra/local/step-functions.ts';
import { encodeEventKey, eventMatches } from '../../../infra/local/s3-server.ts';
import { fixtureFunctions, fixtureMachine } from '../../fixtures/local/declaration.ts';
import { declarationProblems } from '../../../infra/local/asl-checks.ts';
import { declaration } from '../../../shared/platform/declaration.ts';

describe('Task states → declared functions', () => {
  const definition = loadDefinition(fixtureMachine);

  it('walks Map and Parallel branches and the lambda:invoke integration', () => {
    expect(allStates(definition).map(([name]) => name)).toEqual(
      expect.arrayContaining(['Flaky', 'Fan', 'DoubleEach', 'Double', 'Check', 'Refuse']),
    );
    expect([...placeholdersOf(definition)].sort()).toEqual(
      ['CheckFunctionArn', 'DoubleFunctionArn', 'FlakyFunctionArn', 'RefuseFunctionArn'].sort(),
    );
    expect(taskBindings(fixtureMachine, definition)).toEqual({
      Flaky: { function: 'flaky', mode: 'direct' },
      Double: { function: 'double', mode: 'direct' },
      Check: { function: 'check', mode: 'invoke' },
      Refuse: { function: 'refuse', mode: 'direct' },
    });
  });

  it('refuses a placeholder the declaration does not map', () => {
    const { RefuseFunctionArn: _dropped, ...functions } = fixtureMachine.functions;
    expect(() => taskBindings({ ...fixtureMachine, functions }, definition)).toThrow(/RefuseFunctionArn/);
  });

  it('binds every Task of every declared state machine', () => {
    for (const machine of declaration.stateMachines) {
      expect(() => taskBindings(machine, loadDefinition(machine)), machine.name).not.toThrow();
    }
  });
});

describe('S3 notifications', () => {
  it('matches event names with wildcards', () => {
    expect(eventMatches('s3:ObjectCreated:*', 'ObjectCreated:Put')).toBe(true);
    expect(eventMatches('s3:ObjectCreated:*', 'ObjectRemoved:Delete')).toBe(false);
    expect(eventMatches('s3:ObjectRemoved:Delete', 'ObjectRemoved:Delete')).toBe(true);
  });

  it('URL-encodes keys as S3 does (spaces as +, slashes kept)', () => {
    const key = 'uploads/a b/照片+1.jpg';
    const encoded = encodeEventKey(key);
    expect(encoded).toBe('uploads/a+b/%E7%85%A7%E7%89%87%2B1.jpg');
    expect(decodeURIComponent(encoded.replace(/\+/g, ' '))).toBe(key);
  });
});

describe('validate:asl checks against the declaration', () => {
  const decl = { ...declaration, functions: [...declaration.functions, ...fixtureFunctions] };

  it('passes the platform declaration and the fixture', () => {
    expect(declarationProblems(declaration)).toEqual([]);
    expect(declarationProblems({ ...decl, stateMachines: [fixtureMachine] })).toEqual([]);
  });

  it('names a placeholder missing from either side and an undeclared function', () => {
    const { CheckFunctionArn: _dropped, ...functions } = fixtureMachine.functions;
    const broken = {
      ...fixtureMachine,
      functions: { ...functions, UnusedArn: 'check', RefuseFunctionArn: 'nope' },
    };
    const problems = declarationProblems({ ...decl, stateMachines: [broken] });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          '${CheckFunctionArn} is in tests/fixtures/local/fixture.asl.json but not declared',
        ),
        expect.stringContaining('${UnusedArn} is declared but not used'),
        expect.stringContaining('maps to nope, which is not a declared function'),
      ]),
    );
  });
});

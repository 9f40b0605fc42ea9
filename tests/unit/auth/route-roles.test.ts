import { describe, expect, it } from 'vitest';
import { authenticate } from '../../../shared/http/api-handler.ts';
import { declaration } from '../../../shared/platform/declaration.ts';
import { Forbidden, Unauthenticated } from '../../../shared/http/errors.ts';
import { DEMO_USERS } from '../../../infra/local/demo-county.ts';
import { apiEvent } from '../../fixtures/events/api-event.ts';

/** One demo user per role. */
const representatives = [...new Map(DEMO_USERS.map((u) => [u.role, u])).values()];

describe('the role check of every declared route, for every role', () => {
  const routes = declaration.routes.filter((r) => r.roles !== 'public');
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    it(`${key}: allowed roles pass, the others get 403, no token gets 401`, () => {
      for (const user of representatives) {
        const event = apiEvent(key, { user: user.username });
        if (route.roles !== 'public' && route.roles.includes(user.role)) {
          expect(authenticate(route, event)?.role).toBe(user.role);
        } else {
          expect(() => authenticate(route, event), `${user.role} on ${key}`).toThrow(Forbidden);
        }
      }
      expect(() => authenticate(route, apiEvent(key))).toThrow(Unauthenticated);
    });
  }

  it('keeps only health and the API document public', () => {
    const open = declaration.routes.filter((r) => r.roles === 'public').map((r) => `${r.method} ${r.path}`);
    expect(open.sort()).toEqual(['GET /health', 'GET /openapi.json']);
  });

  it('keeps the registry away from adjusters, departments and the insurer', () => {
    const registry = declaration.routes.filter((r) => r.path.startsWith('/households'));
    expect(registry.length).toBeGreaterThan(5);
    for (const route of registry) {
      for (const role of ['insurer_adjuster', 'insurer_manager', 'department'] as const) {
        expect(route.roles).not.toContain(role);
      }
    }
  });
});

describe('the health function', () => {
  it('may describe every declared state machine', () => {
    const health = declaration.functions.find((f) => f.name === 'get-health');
    expect([...(health?.describesStateMachines ?? [])].sort()).toEqual(
      declaration.stateMachines.map((m) => m.name).sort(),
    );
    expect(declaration.stateMachines.length).toBeGreaterThanOrEqual(2);
  });
});

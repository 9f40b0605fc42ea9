import { describe, expect, it } from 'vitest';
import { identityFromClaims, scopeClaims } from '../../../shared/auth/identity.ts';
import { assertRegionScope, inRegionScope, narrowRegion } from '../../../shared/auth/authorize.ts';
import { DEMO_USERS, demoUser } from '../../../infra/local/demo-county.ts';
import { NotFound } from '../../../shared/http/errors.ts';

const identityOf = (username: string) => {
  const user = demoUser(username);
  const identity = identityFromClaims({
    sub: user.userId,
    username: user.username,
    'cognito:groups': [user.role],
    ...scopeClaims(user.scope),
  });
  if (!identity) throw new Error(`no identity for ${username}`);
  return identity;
};

const TAIHE_VILLAGE = '420702100201';
const SHAOJIALONG_VILLAGE = '420702100202';
const DONGGOU_VILLAGE = '420702101201';
const OTHER_COUNTY_VILLAGE = '420703100201';

describe('identityFromClaims', () => {
  it('reads groups both as an array and as the flattened string API Gateway passes', () => {
    const base = { sub: 'u1', 'fpb:county': '420702000000' };
    expect(identityFromClaims({ ...base, 'cognito:groups': ['auditor'] })?.role).toBe('auditor');
    expect(identityFromClaims({ ...base, 'cognito:groups': '[auditor]' })?.role).toBe('auditor');
  });

  it('refuses claims without a role or without a county', () => {
    expect(
      identityFromClaims({ sub: 'u1', 'cognito:groups': '[admin]', 'fpb:county': '420702000000' }),
    ).toBeUndefined();
    expect(identityFromClaims({ sub: 'u1', 'cognito:groups': '[auditor]' })).toBeUndefined();
    expect(
      identityFromClaims({ sub: 'u1', 'cognito:groups': '[auditor]', 'fpb:county': '4207' }),
    ).toBeUndefined();
  });

  it('gives every demo user an identity with their role and scope', () => {
    for (const user of DEMO_USERS) {
      const identity = identityOf(user.username);
      expect(identity.role).toBe(user.role);
      expect(identity.countyCode).toBe(user.scope.countyCode);
      expect(identity.villageCode).toBe(user.scope.villageCode);
    }
  });
});

describe('the jurisdiction check, per role in and out of scope', () => {
  const cases: [string, string, boolean][] = [
    ['county.staff', TAIHE_VILLAGE, true],
    ['county.staff', DONGGOU_VILLAGE, true],
    ['county.staff', OTHER_COUNTY_VILLAGE, false],
    ['auditor', DONGGOU_VILLAGE, true],
    ['auditor', OTHER_COUNTY_VILLAGE, false],
    ['finance', TAIHE_VILLAGE, true],
    ['town.taihe', TAIHE_VILLAGE, true],
    ['town.taihe', SHAOJIALONG_VILLAGE, true],
    ['town.taihe', DONGGOU_VILLAGE, false],
    ['village.taihe', TAIHE_VILLAGE, true],
    ['village.taihe', SHAOJIALONG_VILLAGE, false],
    ['village.taihe', DONGGOU_VILLAGE, false],
    ['other.county.staff', OTHER_COUNTY_VILLAGE, true],
    ['other.county.staff', TAIHE_VILLAGE, false],
    ['other.village', TAIHE_VILLAGE, false],
  ];
  it.each(cases)('%s on a record in %s → in scope: %s', (username, village, expected) => {
    const identity = identityOf(username);
    expect(inRegionScope(identity, village)).toBe(expected);
    if (expected) expect(() => assertRegionScope(identity, village)).not.toThrow();
    else expect(() => assertRegionScope(identity, village)).toThrow(NotFound);
  });

  it('narrows a requested region filter to the scope, refusing one outside it', () => {
    expect(narrowRegion(identityOf('county.staff'))).toBe('420702000000');
    expect(narrowRegion(identityOf('county.staff'), '420702100000')).toBe('420702100000');
    expect(narrowRegion(identityOf('village.taihe'), '420702100000')).toBe(TAIHE_VILLAGE);
    expect(() => narrowRegion(identityOf('town.taihe'), '420702101000')).toThrow(NotFound);
    expect(() => narrowRegion(identityOf('county.staff'), OTHER_COUNTY_VILLAGE)).toThrow(NotFound);
  });
});

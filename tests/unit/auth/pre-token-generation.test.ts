import { describe, expect, it } from 'vitest';
import { handler, InvalidScopeAttributes } from '../../../functions/auth/pre-token-generation.ts';
import { SCOPE_ATTRIBUTE_NAMES } from '../../../functions/auth/scope-attributes.ts';
import { identityFromClaims, SCOPE_CLAIMS } from '../../../shared/auth/identity.ts';
import { declaration } from '../../../shared/platform/declaration.ts';
import { signInWithAttributes, townOfficialSignIn } from './fixtures/pre-token-events.ts';

describe('pre-token-generation trigger', () => {
  it('adds the scope claims to the access token and the id token', async () => {
    const result = await handler(townOfficialSignIn());

    const expected = { 'fpb:county': '532329000000', 'fpb:town': '532329101000' };
    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details.accessTokenGeneration?.claimsToAddOrOverride).toEqual(expected);
    expect(details.idTokenGeneration?.claimsToAddOrOverride).toEqual(expected);
  });

  it('gives claims that identityFromClaims turns into the same scope', async () => {
    const result = await handler(townOfficialSignIn());
    const claims = {
      sub: '5a0f3c4e-8d1b-4f7a-9c2e-1b3d5f7a9c1e',
      'cognito:groups': ['town_official'],
      ...result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    };

    expect(identityFromClaims(claims)).toMatchObject({
      role: 'town_official',
      countyCode: '532329000000',
      townCode: '532329101000',
    });
  });

  it('carries department and insurer scope when the user has them', async () => {
    const event = signInWithAttributes({
      'custom:town': undefined,
      'custom:department': 'medical_insurance',
      'custom:insurer': 'PICC-2025-001',
    });

    const result = await handler(event);

    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      [SCOPE_CLAIMS.county]: '532329000000',
      [SCOPE_CLAIMS.department]: 'medical_insurance',
      [SCOPE_CLAIMS.insurer]: 'PICC-2025-001',
    });
  });

  it('keeps what an earlier step put in the response', async () => {
    const event = townOfficialSignIn();
    event.response.claimsAndScopeOverrideDetails = {
      groupOverrideDetails: { groupsToOverride: ['auditor'] },
    };

    const result = await handler(event);

    expect(result.response.claimsAndScopeOverrideDetails.groupOverrideDetails).toEqual({
      groupsToOverride: ['auditor'],
    });
  });

  it.each([
    ['a missing county', { 'custom:county': undefined }, ['custom:county']],
    ['an empty county', { 'custom:county': '' }, ['custom:county']],
    ['a county that is not a 12-digit code', { 'custom:county': '5323' }, ['custom:county']],
    ['a malformed town', { 'custom:town': '532329-101' }, ['custom:town']],
    ['an unknown department', { 'custom:department': 'tax' }, ['custom:department']],
  ])('issues no token for %s', async (_scenario, changes, invalid) => {
    await expect(handler(signInWithAttributes(changes))).rejects.toThrow(InvalidScopeAttributes);
    await expect(handler(signInWithAttributes(changes))).rejects.toMatchObject({ invalid });
  });

  it('reads exactly the scope attributes the declaration names', () => {
    expect([...SCOPE_ATTRIBUTE_NAMES].sort()).toEqual([...declaration.auth.scopeAttributes].sort());
  });
});

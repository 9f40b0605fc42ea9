import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { handler, UnknownDepartmentClient } from '../../../functions/auth/pre-token-generation.ts';
import { identityFromClaims } from '../../../shared/auth/identity.ts';
import { departmentClientOf, registeredDepartmentClients } from '../../../shared/auth/department-clients.ts';
import clientCredentials from './fixtures/pre-token-generation-v3.client-credentials.json' with { type: 'json' };
import { townOfficialSignIn } from './fixtures/pre-token-events.ts';

const REGISTERED = JSON.stringify([
  { department: 'medical_insurance', countyCode: '420702000000' },
  { department: 'civil_affairs', countyCode: '420702000000' },
]);

const clientEvent = (scopes?: string[]): PreTokenGenerationV3TriggerEvent => {
  const event = structuredClone(clientCredentials) as unknown as PreTokenGenerationV3TriggerEvent;
  if (scopes) event.request.scopes = scopes;
  return event;
};

describe('pre-token-generation trigger, client credentials (V3)', () => {
  beforeEach(() => {
    process.env.FPB_DEPARTMENT_CLIENTS = REGISTERED;
  });
  afterEach(() => {
    delete process.env.FPB_DEPARTMENT_CLIENTS;
  });

  it('adds role, department and county of the registered client to the access token only', async () => {
    const result = await handler(clientEvent());
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: {
          'fpb:role': 'department',
          'fpb:department': 'medical_insurance',
          'fpb:county': '420702000000',
        },
      },
    });
  });

  it('refuses a client whose scopes name no registered department client, or two', async () => {
    await expect(handler(clientEvent(['fangpinbao/referrals.push']))).rejects.toThrow(
      UnknownDepartmentClient,
    );
    await expect(
      handler(
        clientEvent(['fangpinbao/referrals.push', 'fangpinbao/department.420703000000.medical_insurance']),
      ),
    ).rejects.toThrow('该应用客户端未登记为部门客户端，不予签发令牌');
    await expect(
      handler(
        clientEvent([
          'fangpinbao/referrals.push',
          'fangpinbao/department.420702000000.medical_insurance',
          'fangpinbao/department.420702000000.civil_affairs',
        ]),
      ),
    ).rejects.toThrow(UnknownDepartmentClient);
    await expect(
      handler(clientEvent(['fangpinbao/department.420702000000.medical_insurance'])),
    ).rejects.toThrow(UnknownDepartmentClient);
  });

  it('refuses every client when no list is configured', async () => {
    delete process.env.FPB_DEPARTMENT_CLIENTS;
    await expect(handler(clientEvent())).rejects.toThrow(UnknownDepartmentClient);
  });

  it('still gives a signing-in user the scope claims', async () => {
    const event = townOfficialSignIn();
    const result = await handler(event);
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      'fpb:county': '532329000000',
      'fpb:town': '532329101000',
    });
  });
});

describe('registered department clients', () => {
  it('parses the list and refuses a malformed one', () => {
    expect(registeredDepartmentClients(REGISTERED)).toHaveLength(2);
    expect(registeredDepartmentClients(undefined)).toEqual([]);
    expect(() => registeredDepartmentClients('[{"department":"mayor","countyCode":"420702000000"}]')).toThrow(
      'FPB_DEPARTMENT_CLIENTS',
    );
  });

  it('a client is named by exactly one department scope, with the push scope', () => {
    const list = registeredDepartmentClients(REGISTERED);
    expect(
      departmentClientOf(
        ['fangpinbao/referrals.push', 'fangpinbao/department.420702000000.civil_affairs'],
        list,
      ),
    ).toEqual({ department: 'civil_affairs', countyCode: '420702000000' });
  });
});

describe('identity from a client-credentials access token', () => {
  const clientToken = {
    sub: '1example23456789medical0',
    client_id: '1example23456789medical0',
    token_use: 'access',
    scope: 'fangpinbao/referrals.push fangpinbao/department.420702000000.medical_insurance',
    'fpb:role': 'department',
    'fpb:department': 'medical_insurance',
    'fpb:county': '420702000000',
  };

  it('is a department identity named client:<client_id>', () => {
    expect(identityFromClaims(clientToken)).toEqual({
      userId: '1example23456789medical0',
      username: 'client:1example23456789medical0',
      role: 'department',
      countyCode: '420702000000',
      department: 'medical_insurance',
    });
  });

  it('cannot claim another role, nor go without department, county or client id', () => {
    expect(identityFromClaims({ ...clientToken, 'fpb:role': 'county_staff' })).toBeUndefined();
    expect(identityFromClaims({ ...clientToken, 'fpb:role': 'auditor' })).toBeUndefined();
    const { 'fpb:role': _role, ...noRole } = clientToken;
    expect(identityFromClaims(noRole)).toBeUndefined();
    const { 'fpb:department': _dept, ...noDepartment } = clientToken;
    expect(identityFromClaims(noDepartment)).toBeUndefined();
    const { 'fpb:county': _county, ...noCounty } = clientToken;
    expect(identityFromClaims(noCounty)).toBeUndefined();
    const { client_id: _clientId, ...noClient } = clientToken;
    expect(identityFromClaims(noClient)).toBeUndefined();
  });

  it('a user token keeps its group role; fpb:role does not change it', () => {
    const identity = identityFromClaims({
      sub: 'u-1',
      username: 'town.taihe',
      'cognito:groups': '[town_official]',
      'fpb:role': 'department',
      'fpb:county': '420702000000',
      'fpb:town': '420702100000',
    });
    expect(identity?.role).toBe('town_official');
  });
});

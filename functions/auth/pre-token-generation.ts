/**
 * Cognito pre-token-generation trigger (event version 3, which also covers client credentials):
 * - a user signing in gets its scope as the `fpb:*` claims that `identityFromClaims` reads, in the
 *   access and id tokens; missing or malformed scope attributes give no token;
 * - a department machine client (`TokenGeneration_ClientCredentials`) gets `fpb:role=department`,
 *   its department and county, read from its granted scope among the registered clients
 *   (`FPB_DEPARTMENT_CLIENTS`); an unknown client gets no token.
 * Throwing fails the token request.
 */
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { departmentClientClaims, scopeClaims } from '../../shared/auth/identity.ts';
import {
  DEPARTMENT_CLIENTS_ENV,
  departmentClientOf,
  registeredDepartmentClients,
} from '../../shared/auth/department-clients.ts';
import { logger } from '../../shared/log/logger.ts';
import { scopeFromUserAttributes } from './scope-attributes.ts';

export class InvalidScopeAttributes extends Error {
  override readonly name = 'InvalidScopeAttributes';
  constructor(readonly invalid: readonly string[]) {
    super(`用户管辖范围属性无效（${invalid.join('、')}），不予签发令牌`);
  }
}

export class UnknownDepartmentClient extends Error {
  override readonly name = 'UnknownDepartmentClient';
  constructor() {
    super('该应用客户端未登记为部门客户端，不予签发令牌');
  }
}

export type PreTokenEvent = PreTokenGenerationV2TriggerEvent | PreTokenGenerationV3TriggerEvent;

const clientCredentials = (event: PreTokenGenerationV3TriggerEvent): PreTokenGenerationV3TriggerEvent => {
  const client = departmentClientOf(
    event.request.scopes ?? [],
    registeredDepartmentClients(process.env[DEPARTMENT_CLIENTS_ENV]),
  );
  if (!client) {
    logger.warn('client credentials for an unregistered client; no token issued', {
      clientId: event.callerContext.clientId,
    });
    throw new UnknownDepartmentClient();
  }
  event.response.claimsAndScopeOverrideDetails = {
    ...event.response.claimsAndScopeOverrideDetails,
    accessTokenGeneration: { claimsToAddOrOverride: departmentClientClaims(client) },
  };
  return event;
};

const userSignIn = (event: PreTokenGenerationV2TriggerEvent): PreTokenGenerationV2TriggerEvent => {
  const result = scopeFromUserAttributes(event.request.userAttributes);
  if (!result.ok) {
    logger.warn('scope attributes invalid; no token issued', {
      triggerSource: event.triggerSource,
      invalid: result.invalid,
    });
    throw new InvalidScopeAttributes(result.invalid);
  }
  const claims = scopeClaims(result.scope);
  event.response.claimsAndScopeOverrideDetails = {
    ...event.response.claimsAndScopeOverrideDetails,
    accessTokenGeneration: { claimsToAddOrOverride: claims },
    idTokenGeneration: { claimsToAddOrOverride: claims },
  };
  return event;
};

export async function handler(
  event: PreTokenGenerationV3TriggerEvent,
): Promise<PreTokenGenerationV3TriggerEvent>;
export async function handler(
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent>;
export async function handler(event: PreTokenEvent): Promise<PreTokenEvent> {
  return event.triggerSource === 'TokenGeneration_ClientCredentials'
    ? clientCredentials(event)
    : userSignIn(event);
}

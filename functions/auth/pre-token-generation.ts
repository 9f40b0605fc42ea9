/**
 * Cognito pre-token-generation trigger (event version 2): puts the caller's scope into the
 * access and id tokens as the `fpb:*` claims that `identityFromClaims` reads. A user whose
 * scope attributes are missing or malformed gets no token: throwing fails the sign-in.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { scopeClaims } from '../../shared/auth/identity.ts';
import { logger } from '../../shared/log/logger.ts';
import { scopeFromUserAttributes } from './scope-attributes.ts';

export class InvalidScopeAttributes extends Error {
  override readonly name = 'InvalidScopeAttributes';
  constructor(readonly invalid: readonly string[]) {
    super(`用户管辖范围属性无效（${invalid.join('、')}），不予签发令牌`);
  }
}

export const handler = async (
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> => {
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

/**
 * The Cognito user attributes a scope is read from (`custom:<name>` for each name in
 * `declaration.auth.scopeAttributes`), validated once. Empty strings count as absent.
 */
import { z } from 'zod';
import { DEPARTMENTS } from '../../shared/auth/roles.ts';
import type { ScopeAttributes } from '../../shared/auth/identity.ts';

const regionCode = z.string().regex(/^\d{12}$/, '须为 12 位统计用区划代码');
const blankToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const UserAttributes = z.object({
  'custom:county': regionCode,
  'custom:town': optional(regionCode),
  'custom:village': optional(regionCode),
  'custom:department': optional(z.enum(DEPARTMENTS)),
  'custom:insurer': optional(z.string().min(1).max(64)),
});

/** The attribute names (without `custom:`) this trigger reads; they must match the declaration. */
export const SCOPE_ATTRIBUTE_NAMES = Object.keys(UserAttributes.shape).map((key) =>
  key.replace(/^custom:/, ''),
);

export type ScopeAttributesResult =
  | { readonly ok: true; readonly scope: ScopeAttributes }
  | { readonly ok: false; readonly invalid: readonly string[] };

export const scopeFromUserAttributes = (attributes: unknown): ScopeAttributesResult => {
  const parsed = UserAttributes.safeParse(attributes);
  if (!parsed.success) {
    return { ok: false, invalid: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] };
  }
  const a = parsed.data;
  return {
    ok: true,
    scope: {
      countyCode: a['custom:county'],
      townCode: a['custom:town'],
      villageCode: a['custom:village'],
      department: a['custom:department'],
      insurerContract: a['custom:insurer'],
    },
  };
};

/**
 * Page cursors: the DynamoDB `LastEvaluatedKey`, as base64url JSON. Decoding checks the shape and
 * that the key lies in the partition (and sort-key prefix) being queried, so a tampered cursor is a
 * 400, never a query into someone else's partition or a 500.
 */
import { ValidationFailed } from '../http/errors.ts';

export type PageKey = Record<string, string>;

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;

export interface CursorExpectation {
  /** Exactly these attributes, each a string. */
  readonly attributes: readonly string[];
  /** Attributes that must equal these values (the queried partition). */
  readonly equal: Readonly<Record<string, string>>;
  /** Attributes that must start with these values (the queried sort-key prefix). */
  readonly startsWith?: Readonly<Record<string, string>>;
}

const invalid = () =>
  new ValidationFailed([{ path: 'query.cursor', message: '分页游标无效，请从第一页重新查询' }]);

const parse = (cursor: string): unknown => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
};

export const decodeCursor = (cursor: string | undefined, expect: CursorExpectation): PageKey | undefined => {
  if (cursor === undefined) return undefined;
  const value = parse(cursor);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid();
  const entries = Object.entries(value);
  const names = entries.map(([name]) => name).sort();
  if (names.join('|') !== [...expect.attributes].sort().join('|')) throw invalid();
  if (!entries.every(([, v]) => typeof v === 'string')) throw invalid();
  const key = value as PageKey;
  for (const [name, wanted] of Object.entries(expect.equal)) if (key[name] !== wanted) throw invalid();
  for (const [name, prefix] of Object.entries(expect.startsWith ?? {}))
    if (!key[name]?.startsWith(prefix)) throw invalid();
  return key;
};

/**
 * One page from a query run with `Limit: limit + 1`: the extra item only tells that more exist, so
 * the last page never ends with an empty follow-up page.
 */
export const pageOf = <T extends Record<string, unknown>>(
  items: readonly T[],
  limit: number,
  keyAttributes: readonly string[],
): { items: T[]; nextCursor?: string } => {
  if (items.length <= limit) return { items: [...items] };
  const page = items.slice(0, limit);
  const last: Record<string, unknown> = page[page.length - 1] ?? {};
  return {
    items: page,
    nextCursor: encodeCursor(Object.fromEntries(keyAttributes.map((name) => [name, last[name]]))),
  };
};

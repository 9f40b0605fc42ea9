/** The table's own key attributes (main table keys and index keys), which no domain record carries. */
export const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'pk',
  'sk',
  'entity',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
]);

/** An item without its key attributes: the record it stores. */
export const withoutKeys = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));

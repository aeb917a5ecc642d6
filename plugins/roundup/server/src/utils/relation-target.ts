/** The one document a to-one relation is set to, by documentId or by row id. */
export type RelationTarget = { documentId: string } | { id: number };

const targetOf = (value: unknown): RelationTarget | null | undefined => {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (typeof value !== 'object' || value === undefined) return undefined;
  const given = value as Record<string, unknown>;
  if (typeof given.documentId === 'string') return { documentId: given.documentId };
  if (typeof given.id === 'number') return { id: given.id };
  return undefined;
};

/**
 * What a write sets a to-one relation to, in any of the forms the Document
 * Service and the Content Manager send (`'doc'`, `7`, `{ documentId }`,
 * `{ connect: [...] }`, `{ set: [...] }`, `{ disconnect: [...] }`, null):
 * the target, null when it is cleared, undefined when the write leaves it as it is.
 */
export const relationTarget = (value: unknown): RelationTarget | null | undefined => {
  if (Array.isArray(value)) return value.length === 0 ? null : targetOf(value[value.length - 1]);
  if (value !== null && typeof value === 'object') {
    const { connect, set, disconnect } = value as Record<string, unknown>;
    const list = (items: unknown) =>
      Array.isArray(items) ? items : items === undefined ? [] : [items];
    if (set !== undefined) return relationTarget(list(set));
    if (list(connect).length > 0) return targetOf(list(connect).at(-1));
    if (list(disconnect).length > 0) return null;
    if (connect !== undefined || disconnect !== undefined) return undefined;
  }
  return targetOf(value);
};

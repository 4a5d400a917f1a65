import type { DocumentNode } from 'graphql';

/**
 * Values computed from a parsed query and a key (operation name, variable shape…), kept as long as
 * the document lives: Apollo reuses one DocumentNode per distinct query text, so repeated queries
 * hit the cache, and documents it evicts take their entries with them. At most `perDocument` keys
 * are kept per document, oldest dropped first.
 */
export function documentCache<T>(perDocument: number): (document: DocumentNode, key: string, compute: () => T) => T {
  const entries = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, key, compute) => {
    let byKey = entries.get(document);
    if (byKey === undefined) {
      byKey = new Map();
      entries.set(document, byKey);
    }
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute();
    if (byKey.size >= perDocument) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, value);
    return value;
  };
}

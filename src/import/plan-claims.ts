import type { EntityType } from '../domain/registry.js';
import type { PlanContext } from './plan-context.js';
import type { CatalogueRecord } from './records.js';

/** Values that say the same thing: a month agrees with a day inside it; counts within 5 %. */
export function sameValue(a: string | number | boolean, b: string | number | boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.startsWith(b) || b.startsWith(a);
  return a === b;
}

/** Every value the record states becomes a claim on its entity; one that differs from the graph's is also a conflict. */
export function addClaims(context: PlanContext, record: CatalogueRecord, entityId: string, kind: EntityType): void {
  const graphValues = context.values.get(entityId);
  for (const [attribute, value] of Object.entries(record.attributes)) {
    const quote = record.quotes.find((q) => q.attribute === attribute)?.text;
    context.plan.claims.push({ entityId, kind, attribute, value, rowKey: record.rowKey, ...(quote ? { quote } : {}) });
    const graphValue = graphValues?.[attribute];
    if (graphValue !== undefined && !sameValue(graphValue, value))
      context.plan.conflicts.push({ entityId, attribute, graphValue, catalogueValue: value, rowKey: record.rowKey });
  }
}

/**
 * The technique pass of an import plan (after records, dependencies and families): the extractor run
 * over the rows the plan resolved to a model or a product, each fact a planned USES with its quote,
 * confidence and note. Techniques the graph lacks are left out (the alias table may be newer).
 */
import { EntityType, RelationType } from '../../domain/registry.js';
import type { PlanContext } from '../plan-context.js';
import type { AliasEntry } from './aliases.js';
import { techniqueExtractor } from './extract.js';
import { seedAliasTable } from './seed-table.js';
import { sharedTexts } from './shared-texts.js';

export function planTechniques(context: PlanContext, table: AliasEntry[] = seedAliasTable()): void {
  const extract = techniqueExtractor(table.filter((entry) => context.values.has(entry.id)));
  const sharedWith = sharedTexts(context.parsed.records);
  for (const { record, id, kind } of context.resolved) {
    if (kind !== EntityType.MODEL && kind !== EntityType.PRODUCT) continue;
    for (const fact of extract(record, { sharedWith: sharedWith(record) })) {
      const rule = fact.note === undefined ? `rule ${fact.rule}` : `rule ${fact.rule}: ${fact.note}`;
      // Pushed, not related: two sentences stating one fact are two citations of one relationship.
      context.plan.relationships.push({
        from: id,
        type: RelationType.USES,
        to: fact.to,
        rowKey: record.rowKey,
        basis: `${fact.field} (${rule})`,
        quote: fact.quote,
        confidence: fact.confidence,
      });
    }
  }
}

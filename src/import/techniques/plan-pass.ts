/**
 * The technique pass of an import plan: the extractor run over the rows the plan resolved to a model
 * (or a product), each fact a planned relationship with its quote, confidence and note. One call after
 * planImport, so it can follow the planner wherever it goes.
 */
import type { ExistingEntity } from '../existing.js';
import type { ImportPlan } from '../plan.js';
import type { CatalogueRecord } from '../records.js';
import type { AliasEntry } from './aliases.js';
import { techniqueExtractor } from './extract.js';
import { seedAliasTable } from './seed-table.js';
import { sharedTexts } from './shared-texts.js';

/** Adds the technique facts of `records` to the plan; techniques the graph lacks are left out (the table may be newer). */
export function addTechniqueFacts(
  plan: ImportPlan,
  records: CatalogueRecord[],
  existing: ExistingEntity[],
  table: AliasEntry[] = seedAliasTable(),
): void {
  const known = new Set(existing.map((e) => e.id));
  const extract = techniqueExtractor(table.filter((entry) => known.has(entry.id)));
  const entityOf = new Map<string, string>([
    ...plan.matched.map((m) => [m.rowKey, m.id] as const),
    ...plan.toCreate.filter((e) => e.kind === 'MODEL' || e.kind === 'PRODUCT').map((e) => [e.rowKey, e.id] as const),
  ]);
  const sharedWith = sharedTexts(records);
  for (const record of records) {
    const id = entityOf.get(record.rowKey);
    if (id === undefined || (record.kind !== 'MODEL' && record.kind !== 'PRODUCT')) continue;
    for (const fact of extract(record, { sharedWith: sharedWith(record) })) {
      const rule = fact.note === undefined ? `rule ${fact.rule}` : `rule ${fact.rule}: ${fact.note}`;
      plan.relationships.push({
        from: id,
        type: 'USES',
        to: fact.to,
        rowKey: record.rowKey,
        basis: `${fact.field} (${rule})`,
        quote: fact.quote,
        confidence: fact.confidence,
      });
    }
  }
}

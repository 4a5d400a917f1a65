/**
 * Pass 3: families. A model a catalogue puts in a family (a family field) is MEMBER_OF that series,
 * created when the graph has none by that name; a model a row describes whose name is a series'
 * name plus a size ("Llama 2-7B" in "Llama 2", "LLaMA-13B" in the "LLaMA series"), by the series'
 * developer, is linked too, but as an inference: a note and a lower confidence, never a quote.
 */
import { catalogueRelation, RELATIONS } from '../domain/registry.js';
import { nameKeys } from '../resolve/names.js';
import type { PlanContext } from './plan-context.js';

export function planFamilies(context: PlanContext): void {
  const { resolver } = context;
  for (const { record, id, kind, developers } of context.resolved) {
    const relation = catalogueRelation('member', kind);
    if (relation === undefined) continue;
    const seriesKind = RELATIONS[relation].to;
    if (record.family !== undefined) {
      let series = resolver.resolveReference(record.family, [], [seriesKind]);
      if (series.status === 'unresolved')
        series = resolver.create({ kind: seriesKind, name: record.family, aliases: [], developers, values: {}, rowKey: record.rowKey });
      if (series.status === 'matched' || series.status === 'new')
        context.relate({ from: id, type: relation, to: series.id, rowKey: record.rowKey, basis: 'family field' });
      continue;
    }
    const family = nameKeys(record.name, kind).find((k) => k.level === 'family');
    if (family === undefined) continue;
    const series = resolver.familyNamed(family.key, seriesKind, developers);
    if (series !== undefined)
      context.relate({
        from: id,
        type: relation,
        to: series,
        rowKey: record.rowKey,
        basis: `inferred from the name: "${record.name}" is a size of ${resolver.nameOf(series)} by the same developer`,
        inferred: true,
      });
  }
}

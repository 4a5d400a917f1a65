/**
 * The quality pass's facts gathered from the rows a bulk load writes (an ImportCsvWriter's rows, handed
 * over by JudgeInWorker), so the pass over a store that was empty before the load judges exactly what
 * the load wrote without reading two million entities back. They take the shape and order QualityRepository reads: entities
 * with claims in id order, claims in ordinal order, model-to-model lineage in (from, to) order, and ends
 * the import would skip (named by no node) left out, as a MATCH leaves them.
 */
import type { CitationRow, EntityRow, RelationshipRow, SourceRow } from '../domain/graph-rows.js';
import { EntityType, RelationType } from '../domain/registry.js';
import type { LineageFact } from './facts.js';
import type { MarkedEntity, PassFacts } from './pass.js';

/** What the rules read of a citation. */
export type FactCitation = Pick<
  CitationRow,
  'entityId' | 'sourceId' | 'ordinal' | 'attribute' | 'value' | 'confidence' | 'rank' | 'hedged' | 'quote'
>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class CollectedFacts {
  private readonly sourceDates = new Map<string, string | null>();
  private readonly entities = new Map<string, MarkedEntity>();
  private readonly developed: Array<[string, string]> = [];
  private readonly derived: LineageFact[] = [];

  source(row: Pick<SourceRow, 'id' | 'date'>): void {
    this.sourceDates.set(row.id, row.date ?? null);
  }

  entity(type: EntityType, row: Pick<EntityRow, 'id' | 'name'>): void {
    this.entities.set(row.id, { id: row.id, type, name: row.name, developers: [], claims: [] });
  }

  citation(row: FactCitation): void {
    if (row.attribute === null || row.attribute === undefined) return;
    const entity = this.entities.get(row.entityId);
    entity?.claims.push({
      entityId: entity.id,
      ordinal: row.ordinal,
      attribute: row.attribute,
      value: JSON.parse(row.value as string) as unknown,
      confidence: row.confidence,
      rank: row.rank ?? null,
      hedged: row.hedged === true,
      sourceId: row.sourceId,
      quote: row.quote ?? null,
      // Filled in by facts(): a citation may come before its source's row.
      sourceDate: null,
    });
  }

  relationship(type: RelationType, row: Pick<RelationshipRow, 'from' | 'to' | 'kind'>): void {
    if (type === RelationType.DEVELOPED_BY) this.developed.push([row.from, row.to]);
    else if (type === RelationType.DERIVED_FROM) this.derived.push({ from: row.from, to: row.to, kind: row.kind ?? null });
  }

  facts(): PassFacts {
    const isModel = (id: string) => this.entities.get(id)?.type === EntityType.MODEL;
    for (const [from, to] of this.developed) if (this.entities.has(to)) this.entities.get(from)?.developers.push(to);
    const entities: MarkedEntity[] = [];
    for (const entity of this.entities.values()) {
      // A claim's source is a node of the load, or the import skips the claim.
      entity.claims = entity.claims.filter((c) => this.sourceDates.has(c.sourceId)).sort((a, b) => a.ordinal - b.ordinal);
      for (const claim of entity.claims) claim.sourceDate = this.sourceDates.get(claim.sourceId) ?? null;
      if (entity.claims.length > 0) entities.push(entity);
    }
    entities.sort((a, b) => byText(a.id, b.id));
    const lineage = this.derived
      .filter((edge) => isModel(edge.from) && isModel(edge.to))
      .sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to));
    return { entities, lineage };
  }
}

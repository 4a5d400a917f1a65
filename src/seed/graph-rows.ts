import { createHash } from 'node:crypto';
import { EntityType, RelationType } from '../domain/graph-model.js';
import type { AnyEntityEntry, Dataset } from './dataset.js';
import type { Citation, Claim, ModelAttribute } from './seed.schema.js';

/** Rows in the shape the seed repository writes: what a dataset becomes in the graph. */
export interface SourceRow {
  id: string;
  title: string | null;
  file: string | null;
  url: string | null;
  author: string | null;
  date: string | null;
}
export interface EntityRow {
  id: string;
  name: string;
  aliases: string[];
  aliasText: string;
  description: string;
  props: Record<string, unknown>;
}
export interface CitationRow {
  entityId: string;
  sourceId: string;
  ordinal: number;
  quote: string;
  confidence: number;
  attribute: string | null;
  value: string | null;
}
export interface RelationshipRow {
  id: string;
  from: string;
  to: string;
  kind: string | null;
  citationSources: string[];
  citationQuotes: string[];
  citationConfidences: number[];
  confidence: number;
}
export interface GraphRows {
  sources: SourceRow[];
  entities: Record<EntityType, EntityRow[]>;
  citations: CitationRow[];
  relationships: Record<RelationType, RelationshipRow[]>;
}

export const edgeId = (from: string, type: RelationType, to: string): string => `${from}:${type}:${to}`;

/** Facts cited by URL get one Source node per URL, with a stable id derived from it. */
export const urlSourceId = (url: string): string => `url-${createHash('sha1').update(url).digest('hex').slice(0, 12)}`;

const MODEL_ATTRIBUTES: ModelAttribute[] = ['parameters', 'contextWindow', 'releaseDate', 'openWeights', 'modalities', 'trainingTokens'];

/** The value a node shows for an attribute: the most confident claim, the first listed on ties. */
function preferredValues(claims: Claim[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of MODEL_ATTRIBUTES) {
    const best = claims
      .filter((claim) => claim.attribute === attribute)
      .reduce<Claim | undefined>(
        (top, claim) => (top === undefined || (claim.confidence ?? 1) > (top.confidence ?? 1) ? claim : top),
        undefined,
      );
    props[attribute] = best?.value ?? null;
  }
  return props;
}

export function toGraphRows(dataset: Dataset): GraphRows {
  const sources: SourceRow[] = dataset.sources.map((s) => ({
    id: s.id,
    title: s.title,
    file: s.file,
    url: null,
    author: s.author ?? null,
    date: s.date ?? null,
  }));
  const urlSources = new Map<string, SourceRow>();
  const sourceIdOf = (citation: Citation): string => {
    if ('source' in citation) return citation.source;
    const id = urlSourceId(citation.url);
    if (!urlSources.has(id)) {
      const url = new URL(citation.url);
      urlSources.set(id, {
        id,
        title: decodeURIComponent(`${url.hostname}${url.pathname}`),
        file: null,
        url: citation.url,
        author: null,
        date: null,
      });
    }
    return id;
  };

  const citations: CitationRow[] = [];
  const entityRow = (entity: AnyEntityEntry, props: Record<string, unknown>): EntityRow => {
    const claims: Claim[] = 'claims' in entity ? entity.claims : [];
    [...entity.mentions.map((m) => ({ ...m, attribute: undefined, value: undefined })), ...claims].forEach((c, ordinal) => {
      citations.push({
        entityId: entity.id,
        sourceId: sourceIdOf(c),
        ordinal,
        quote: c.quote,
        confidence: c.confidence ?? 1,
        attribute: c.attribute ?? null,
        value: c.attribute === undefined ? null : JSON.stringify(c.value),
      });
    });
    return {
      id: entity.id,
      name: entity.name,
      aliases: entity.aliases,
      aliasText: entity.aliases.join(' | '),
      description: entity.description,
      props,
    };
  };

  const entities: Record<EntityType, EntityRow[]> = {
    [EntityType.MODEL]: dataset.entities.MODEL.map((m) => entityRow(m, preferredValues(m.claims))),
    [EntityType.ORGANIZATION]: dataset.entities.ORGANIZATION.map((o) => entityRow(o, { country: o.country ?? null })),
    [EntityType.TECHNIQUE]: dataset.entities.TECHNIQUE.map((t) => entityRow(t, { category: t.category })),
    [EntityType.LIMITATION]: dataset.entities.LIMITATION.map((l) => entityRow(l, {})),
  };

  const relationships = Object.fromEntries(
    Object.values(RelationType).map((type) => [
      type,
      dataset.relationships[type].map((rel) => ({
        id: edgeId(rel.from, type, rel.to),
        from: rel.from,
        to: rel.to,
        kind: rel.kind ?? null,
        citationSources: rel.citations.map(sourceIdOf),
        citationQuotes: rel.citations.map((c) => c.quote),
        citationConfidences: rel.citations.map((c) => c.confidence ?? 1),
        confidence: Math.max(...rel.citations.map((c) => c.confidence ?? 1)),
      })),
    ]),
  ) as Record<RelationType, RelationshipRow[]>;

  return { sources: [...sources, ...urlSources.values()], entities, citations, relationships };
}

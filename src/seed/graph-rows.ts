import {
  ENTITY_TYPES,
  type EntityType,
  isStatement,
  plainPropertiesOf,
  RELATION_TYPES,
  type RelationType,
  statementPropertiesOf,
} from '../domain/registry.js';
import { claimedValues } from '../domain/write-rules.js';
import type { Dataset } from './dataset.js';
import type { Citation, Claim, EntityEntry, RelationshipEntry } from './seed.schema.js';

// The row shapes and ids live in the domain (the write repositories take them); re-exported for the loaders.

export {
  type CitationRow,
  edgeId,
  SOURCE_FIELDS,
  type EntityRow,
  type GraphRows,
  type RelationshipRow,
  type SourceRow,
  urlSourceId,
  urlSourceRow,
} from '../domain/graph-rows.js';
import {
  type CitationRow,
  edgeId,
  type EntityRow,
  type GraphRows,
  type RelationshipRow,
  type SourceRow,
  urlSourceId,
  urlSourceRow,
} from '../domain/graph-rows.js';

/** A statement relationship's key and properties (null where the entry leaves one out); nothing for the others. */
function statementFields(type: RelationType, rel: RelationshipEntry): Pick<RelationshipRow, 'key' | 'props'> {
  if (!isStatement(type)) return {};
  const entry = rel as RelationshipEntry & Record<string, unknown>;
  return { key: rel.key ?? null, props: Object.fromEntries(statementPropertiesOf(type).map(([name]) => [name, entry[name] ?? null])) };
}

/** Node properties of an entry: plain ones as given, claimable ones from the preferred claim. */
function nodeProperties(type: EntityType, entry: EntityEntry): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const name of plainPropertiesOf(type)) props[name] = entry[name] ?? null;
  return { ...props, ...claimedValues(type, entry.claims ?? []) };
}

export function toGraphRows(dataset: Dataset): GraphRows {
  const sources: SourceRow[] = dataset.sources.map((s) => ({
    id: s.id,
    title: s.title,
    file: s.file ?? null,
    url: s.url ?? null,
    author: s.author ?? null,
    date: s.date ?? null,
    license: s.license ?? null,
    version: s.version ?? null,
    retrieved: s.retrieved ?? null,
  }));
  const urlSources = new Map<string, SourceRow>();
  const sourceIdOf = (citation: Citation): string => {
    if ('source' in citation) return citation.source;
    const id = urlSourceId(citation.url);
    if (!urlSources.has(id)) urlSources.set(id, urlSourceRow(citation.url));
    return id;
  };

  const citations: CitationRow[] = [];
  const entityRow = (entity: EntityEntry, props: Record<string, unknown>): EntityRow => {
    const claims: Claim[] = entity.claims ?? [];
    [...entity.mentions.map((m) => ({ ...m, attribute: undefined, value: undefined })), ...claims].forEach((c, ordinal) => {
      citations.push({
        entityId: entity.id,
        sourceId: sourceIdOf(c),
        ordinal,
        quote: c.quote ?? null,
        note: c.note ?? null,
        confidence: c.confidence ?? 1,
        attribute: c.attribute ?? null,
        value: c.attribute === undefined ? null : JSON.stringify(c.value),
        // A catalogue citation's row (seed citations of a document have none).
        ...('locator' in c && c.locator !== undefined && { locator: c.locator }),
        rank: ('rank' in c && c.rank) || null,
        reason: ('reason' in c && c.reason) || null,
        hedged: ('hedged' in c && c.hedged) || null,
      });
    });
    return {
      id: entity.id,
      name: entity.name,
      aliases: entity.aliases,
      aliasText: entity.aliases.join(' | '),
      description: entity.description ?? null,
      props,
    };
  };

  const entities = Object.fromEntries(
    ENTITY_TYPES.map((type) => [type, dataset.entities[type].map((entry) => entityRow(entry, nodeProperties(type, entry)))]),
  ) as Record<EntityType, EntityRow[]>;

  const relationships = Object.fromEntries(
    RELATION_TYPES.map((type) => [
      type,
      dataset.relationships[type].map((rel) => ({
        id: edgeId(rel.from, type, rel.to, rel.key),
        ...statementFields(type, rel),
        from: rel.from,
        to: rel.to,
        kind: rel.kind ?? null,
        citationSources: rel.citations.map(sourceIdOf),
        citationQuotes: rel.citations.map((c) => c.quote ?? ''),
        citationNotes: rel.citations.map((c) => c.note ?? ''),
        citationConfidences: rel.citations.map((c) => c.confidence ?? 1),
        confidence: Math.max(...rel.citations.map((c) => c.confidence ?? 1)),
      })),
    ]),
  ) as Record<RelationType, RelationshipRow[]>;

  return { sources: [...sources, ...urlSources.values()], entities, citations, relationships };
}

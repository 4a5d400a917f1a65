import { createHash } from 'node:crypto';
import {
  claimableOf,
  ENTITY_TYPES,
  type EntityType,
  isStatement,
  plainPropertiesOf,
  RELATION_TYPES,
  type RelationType,
  statementPropertiesOf,
} from '../domain/registry.js';
import { preferredValue } from '../domain/write-rules.js';
import type { Dataset } from './dataset.js';
import type { Citation, Claim, EntityEntry, RelationshipEntry } from './seed.schema.js';

/** Rows in the shape the seed repository writes: what a dataset becomes in the graph. */
export interface SourceRow {
  id: string;
  title: string | null;
  file: string | null;
  url: string | null;
  author: string | null;
  date: string | null;
  /** The source's own terms ("CC BY 4.0"), when it states them. */
  license?: string | null;
  /** A catalogue snapshot's `sha256:` version and retrieval date (catalogues.ts); null for documents and URLs. */
  version?: string | null;
  retrieved?: string | null;
}
/** Every stored property of a Source, in one order (writers that list columns, e.g. the bulk loader's CSV, take it from here). */
export const SOURCE_FIELDS = [
  'id',
  'title',
  'file',
  'url',
  'author',
  'date',
  'license',
  'version',
  'retrieved',
] as const satisfies ReadonlyArray<keyof SourceRow>;
type MissingSourceField = Exclude<keyof SourceRow, (typeof SOURCE_FIELDS)[number]>;
// A SourceRow property missing from SOURCE_FIELDS fails to compile here.
const everySourceField: [MissingSourceField] extends [never] ? true : MissingSourceField = true;
void everySourceField;
export interface EntityRow {
  id: string;
  name: string;
  aliases: string[];
  aliasText: string;
  description: string | null;
  props: Record<string, unknown>;
}
export interface CitationRow {
  entityId: string;
  sourceId: string;
  ordinal: number;
  quote: string | null;
  note: string | null;
  confidence: number;
  attribute: string | null;
  value: string | null;
  /** Where in the source: a catalogue's row key ("row 12"); documents are located by the quote alone. */
  locator?: string | null;
  /** Claims only: rank among competing values (null = NORMAL), why deprecated, whether the source hedges. */
  rank: string | null;
  reason: string | null;
  hedged: boolean | null;
  /** Read back from the graph only: plausibility rules the claim fails (derived after every load, never written from a file). */
  flags?: Array<{ rule: string; reason: string }>;
}
export interface RelationshipRow {
  id: string;
  from: string;
  to: string;
  kind: string | null;
  citationSources: string[];
  /** Parallel lists (Neo4j lists hold no nulls): '' where a citation has no quote, or no note. */
  citationQuotes: string[];
  citationNotes: string[];
  citationConfidences: number[];
  confidence: number;
  /** A statement relationship's (a benchmark result's) own key, and its properties by the registry's names; absent for the others. */
  key?: string | null;
  props?: Record<string, unknown>;
}
export interface GraphRows {
  sources: SourceRow[];
  entities: Record<EntityType, EntityRow[]>;
  citations: CitationRow[];
  relationships: Record<RelationType, RelationshipRow[]>;
}

/** A relationship's id; a statement relationship (several may join one pair) adds its key. */
export const edgeId = (from: string, type: RelationType, to: string, key?: string | null): string =>
  key === undefined || key === null ? `${from}:${type}:${to}` : `${from}:${type}:${to}:${key}`;

/** Facts cited by URL get one Source node per URL, with a stable id derived from it. */
export const urlSourceId = (url: string): string => `url-${createHash('sha1').update(url).digest('hex').slice(0, 12)}`;

/** A Source row for a URL citation; curation and the seed loader create the same one for the same URL. */
export function urlSourceRow(url: string): SourceRow {
  const parsed = new URL(url);
  return {
    id: urlSourceId(url),
    title: decodeURIComponent(`${parsed.hostname}${parsed.pathname}`),
    file: null,
    url,
    author: null,
    date: null,
  };
}

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
  for (const attribute of claimableOf(type))
    props[attribute] = preferredValue((entry.claims ?? []).filter((c) => c.attribute === attribute));
  return props;
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

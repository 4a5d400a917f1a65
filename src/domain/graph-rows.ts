/**
 * The rows every writer (seed loader, importers, curation) hands to the write repositories: what a
 * dataset becomes in the graph. Declared here, below the repositories and the loaders, so that
 * neither imports the other; src/seed/graph-rows.ts turns a dataset into them.
 */
import { createHash } from 'node:crypto';
import type { EntityType, RelationType } from './registry.js';

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

/**
 * Told of each row as a writer writes it (an ImportCsvWriter: an entity's citations once folded): a
 * bulk load into an empty store hands these to the quality pass instead of reading the graph back.
 */
export interface RowObserver {
  source(row: SourceRow): void;
  entity(type: EntityType, row: EntityRow): void;
  citation(row: CitationRow): void;
  relationship(type: RelationType, row: RelationshipRow): void;
}

/**
 * The graph as CSV tables, and back: one table per entity kind (a row per entity, its citations and
 * claims as JSON arrays), one per relationship type (a row per relationship, its citations as a JSON
 * array) and the sources. Values are written as people read them (text as is, numbers, true/false,
 * lists as JSON) and read back by the registry's type of each column, so a release reloads into the
 * graph it was written from (tests/release.test.ts).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { type Locator, locatorOf } from '../documents/locate.js';
import { ENTITY_TYPES, type EntityType, KINDS, RELATION_TYPES, type RelationType } from '../domain/registry.js';
import { MEASURE_PROPERTIES } from '../repositories/measures.repository.js';
import type { ReleaseSource } from '../repositories/release.repository.js';
import type { CitationRow, EntityRow, GraphRows, RelationshipRow } from '../seed/graph-rows.js';

export interface Table {
  /** Path inside the release folder. */
  file: string;
  columns: string[];
  rows: Array<Record<string, string>>;
}

export type { ReleaseSource } from '../repositories/release.repository.js';
export type ReleaseRows = Omit<GraphRows, 'sources'> & { sources: ReleaseSource[] };

export const SOURCE_COLUMNS = ['id', 'title', 'file', 'url', 'author', 'date', 'license', 'version', 'retrieved'] as const;
export const RELATIONSHIP_COLUMNS = ['id', 'from', 'from_name', 'to', 'to_name', 'kind', 'confidence', 'citations'] as const;
export const entityColumns = (type: EntityType): string[] => [
  'id',
  'name',
  'aliases',
  'description',
  ...Object.keys(KINDS[type].properties),
  'extra',
  'citations',
  'claims',
];

export const entityFile = (type: EntityType): string => `entities/${KINDS[type].seedFile.replace(/\.json$/, '.csv')}`;
export const relationshipFile = (type: RelationType): string => `relationships/${type.toLowerCase()}.csv`;
export const SOURCES_FILE = 'sources.csv';

/** Stored properties that are not facts: derived by the service, rewritten from the name on every write. */
const DERIVED = new Set(MEASURE_PROPERTIES);

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};
const json = (value: unknown): string => JSON.stringify(value);

type LocatedCitation = Record<string, unknown>;

/** A citation as a release writes it: who says it, the words, and where they stand (documents: lines and offsets). */
function citationRecord(
  c: { sourceId: string; quote: string | null; note: string | null; confidence: number; locator?: string | null },
  where: Locator | null,
): LocatedCitation {
  // Only the fields that place it: lines and offsets in a document, row and column in a catalogue.
  const located = where && Object.fromEntries(Object.entries(where).filter(([name, value]) => value !== null && name !== 'url'));
  return {
    source: c.sourceId,
    quote: c.quote,
    note: c.note,
    confidence: c.confidence,
    locator: c.locator ?? null,
    ...(located && { located }),
  };
}

export function toTables(rows: ReleaseRows, documentText: (file: string) => string | null): Table[] {
  const sourceById = new Map(rows.sources.map((s) => [s.id, s]));
  const place = (c: CitationRow | { sourceId: string; quote: string | null; note: string | null }, extra: object = {}) => {
    const source = sourceById.get(c.sourceId);
    return source ? locatorOf({ ...c, ...extra, source }, documentText) : null;
  };
  const citationsOf = new Map<string, CitationRow[]>();
  for (const c of rows.citations) citationsOf.set(c.entityId, [...(citationsOf.get(c.entityId) ?? []), c]);
  const names = new Map(ENTITY_TYPES.flatMap((type) => rows.entities[type].map((e) => [e.id, e.name])));

  const tables: Table[] = ENTITY_TYPES.map((type) => ({
    file: entityFile(type),
    columns: entityColumns(type),
    rows: rows.entities[type].map((entity) => {
      const mine = (citationsOf.get(entity.id) ?? []).sort((a, b) => a.ordinal - b.ordinal);
      const properties = Object.keys(KINDS[type].properties);
      const extra = Object.fromEntries(
        Object.entries(entity.props).filter(([name, value]) => !properties.includes(name) && !DERIVED.has(name) && value !== null),
      );
      return {
        id: entity.id,
        name: entity.name,
        aliases: json(entity.aliases),
        description: cell(entity.description),
        ...Object.fromEntries(properties.map((name) => [name, cell(entity.props[name])])),
        extra: Object.keys(extra).length > 0 ? json(extra) : '',
        citations: json(mine.filter((c) => c.attribute === null).map((c) => citationRecord(c, place(c)))),
        claims: json(
          mine
            .filter((c) => c.attribute !== null)
            .map((c) => ({
              attribute: c.attribute,
              value: JSON.parse(c.value ?? 'null') as unknown,
              rank: c.rank,
              reason: c.reason,
              hedged: c.hedged,
              ...citationRecord(c, place(c, { attribute: c.attribute })),
            })),
        ),
      };
    }),
  }));
  for (const type of RELATION_TYPES)
    tables.push({
      file: relationshipFile(type),
      columns: [...RELATIONSHIP_COLUMNS],
      rows: rows.relationships[type].map((r) => ({
        id: r.id,
        from: r.from,
        from_name: names.get(r.from) ?? '',
        to: r.to,
        to_name: names.get(r.to) ?? '',
        kind: cell(r.kind),
        confidence: cell(r.confidence),
        citations: json(
          r.citationSources.map((sourceId, i) => {
            const c = {
              sourceId,
              quote: r.citationQuotes[i] || null,
              note: r.citationNotes[i] || null,
              confidence: r.citationConfidences[i]!,
            };
            return citationRecord(c, place(c, { relation: type }));
          }),
        ),
      })),
    });
  tables.push({
    file: SOURCES_FILE,
    columns: [...SOURCE_COLUMNS],
    rows: rows.sources.map((s) => Object.fromEntries(SOURCE_COLUMNS.map((column) => [column, cell(s[column])]))),
  });
  return tables;
}

export const formatTable = (table: Table): string =>
  stringify(
    table.rows.map((row) => table.columns.map((column) => row[column] ?? '')),
    { header: true, columns: table.columns, record_delimiter: 'unix' },
  );

export const parseTable = (text: string): Array<Record<string, string>> =>
  parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;

// ---- reading a release back ----

const orNull = (text: string | undefined): string | null => (text === undefined || text === '' ? null : text);

/** A property cell read back by the registry's type for it. */
function propertyValue(type: EntityType, name: string, text: string): unknown {
  if (text === '') return null;
  const scalar = KINDS[type].properties[name]?.scalar;
  if (scalar === 'String' || (typeof scalar === 'object' && scalar !== null)) return text;
  return JSON.parse(text) as unknown;
}

interface ReadCitation {
  source: string;
  quote: string | null;
  note: string | null;
  confidence: number;
  locator: string | null;
}

/** The rows a release's tables describe, in the shape the seed write path takes (SeedRepository.write). */
export function fromTables(read: (file: string) => string | null): ReleaseRows {
  const table = (file: string) => {
    const text = read(file);
    return text === null ? [] : parseTable(text);
  };
  const citations: CitationRow[] = [];
  const entities = Object.fromEntries(
    ENTITY_TYPES.map((type) => [
      type,
      table(entityFile(type)).map((row): EntityRow => {
        const aliases = JSON.parse(row.aliases || '[]') as string[];
        const props = Object.fromEntries(
          Object.keys(KINDS[type].properties).map((name) => [name, propertyValue(type, name, row[name] ?? '')]),
        );
        Object.assign(props, row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : {});
        const mentions = JSON.parse(row.citations || '[]') as ReadCitation[];
        const claims = JSON.parse(row.claims || '[]') as Array<
          ReadCitation & { attribute: string; value: unknown } & Record<string, unknown>
        >;
        [...mentions.map((m) => ({ ...m, attribute: null, value: undefined })), ...claims].forEach((c, ordinal) => {
          const claim = c as Record<string, unknown>;
          citations.push({
            entityId: row.id!,
            sourceId: c.source,
            ordinal,
            quote: c.quote,
            note: c.note,
            confidence: c.confidence,
            attribute: c.attribute,
            value: c.attribute === null ? null : JSON.stringify(c.value),
            locator: c.locator,
            rank: (claim.rank as string | null | undefined) ?? null,
            reason: (claim.reason as string | null | undefined) ?? null,
            hedged: (claim.hedged as boolean | null | undefined) ?? null,
          });
        });
        return { id: row.id!, name: row.name!, aliases, aliasText: aliases.join(' | '), description: orNull(row.description), props };
      }),
    ]),
  ) as Record<EntityType, EntityRow[]>;
  const relationships = Object.fromEntries(
    RELATION_TYPES.map((type) => [
      type,
      table(relationshipFile(type)).map((row): RelationshipRow => {
        const cited = JSON.parse(row.citations || '[]') as ReadCitation[];
        return {
          id: row.id!,
          from: row.from!,
          to: row.to!,
          kind: orNull(row.kind),
          citationSources: cited.map((c) => c.source),
          citationQuotes: cited.map((c) => c.quote ?? ''),
          citationNotes: cited.map((c) => c.note ?? ''),
          citationConfidences: cited.map((c) => c.confidence),
          confidence: Number(row.confidence),
        };
      }),
    ]),
  ) as Record<RelationType, RelationshipRow[]>;
  const sources = table(SOURCES_FILE).map(
    (row): ReleaseSource => Object.fromEntries(SOURCE_COLUMNS.map((column) => [column, orNull(row[column])])) as unknown as ReleaseSource,
  );
  return { sources, entities, citations, relationships };
}

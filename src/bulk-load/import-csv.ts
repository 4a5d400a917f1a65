/**
 * The graph's rows (GraphRows, the shared write model) as the CSV files of `neo4j-admin database
 * import full`: one node file per kind and one for sources, one relationship file for CITES and
 * one per relationship type. Headers derive from the registry; property values take the types the
 * MERGE path gives them (a JavaScript number reaches Neo4j as a float through the driver, so every
 * number column is `float`). Rows are streamed to disk, so a generator can hand over millions.
 */
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { CITES, ENTITY_LABEL, label, relType, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import {
  ENTITY_TYPES,
  type EntityType,
  isStatement,
  KINDS,
  type PropertySpec,
  RELATION_TYPES,
  type RelationType,
  statementPropertiesOf,
} from '../domain/registry.js';
import type { RowObserver } from '../domain/graph-rows.js';
import { type CitationRow, type EntityRow, type RelationshipRow, SOURCE_FIELDS, type SourceRow } from '../seed/graph-rows.js';

/** Rows of a load as anything iterable: GraphRows' arrays, or generators yielding rows on demand. */
export interface GraphRowSource {
  sources: Iterable<SourceRow>;
  entities: Partial<Record<EntityType, Iterable<EntityRow>>>;
  citations: Iterable<CitationRow>;
  relationships: Partial<Record<RelationType, Iterable<RelationshipRow>>>;
}

/** Between the elements of a list value: a control character no text of the graph holds (checked). */
export const ARRAY_DELIMITER = '\u001f';
const ENTITY_SPACE = `ID(${ENTITY_LABEL})`;
const SOURCE_SPACE = `ID(${SOURCE_LABEL})`;

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]';

/** A value the CSV format cannot state (an empty list, a list of one empty string), set by Cypher after the import. */
export interface Fixup {
  /** Node id, or for a relationship its `from`, `to` and type. */
  id?: string;
  from?: string;
  to?: string;
  type?: RelationType;
  /** A statement relationship's key (one pair may have several). */
  key?: string;
  props: Record<string, unknown>;
}

export interface ImportFiles {
  dir: string;
  nodes: Array<{ labels: string[]; file: string }>;
  relationships: Array<{ type: string; file: string }>;
  /** Some value holds a line break: the import must read fields across lines (slower). */
  multiline: boolean;
  rows: { nodes: number; relationships: number };
  /** Entities whose aliases are the empty list, by label: the import leaves them absent, a pass after it sets []. */
  emptyAliases: Record<string, number>;
  fixups: Fixup[];
  /** Relationship properties written as [EMPTY_ITEM] for [''], by type. */
  emptyItems: Array<{ type: RelationType; property: string }>;
}

const columnType = (spec: PropertySpec): ColumnType => {
  if (spec.scalar === 'Int' || spec.scalar === 'Float') return 'double';
  if (spec.scalar === 'Boolean') return 'boolean';
  if (spec.scalar === 'StringList') return 'string[]';
  return 'string';
};

const header = (name: string, type: ColumnType) => (type === 'string' ? name : `${name}:${type}`);

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** One field: null is an empty unquoted field (no property); strings are always quoted, so "" stays an empty string. */
function field(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'string[]' || type === 'double[]') {
    const items = value as unknown[];
    for (const item of items)
      if (typeof item === 'string' && (item.includes(ARRAY_DELIMITER) || item.includes(EMPTY_ITEM))) throw new DelimiterError(item);
    return quoted(items.map(String).join(ARRAY_DELIMITER));
  }
  if (type === 'string') return quoted(String(value));
  return String(value);
}

class DelimiterError extends Error {
  constructor(value: string) {
    super(
      `A value holds U+001F or U+E000, which the bulk import uses between list items and for an empty item: ${JSON.stringify(value.slice(0, 80))}.`,
    );
  }
}

/** Lists the CSV format cannot state: [] and [''] both read back as no property. */
const inexpressible = (value: unknown) => Array.isArray(value) && (value.length === 0 || (value.length === 1 && value[0] === ''));
const oneEmptyItem = (value: unknown) => Array.isArray(value) && value.length === 1 && value[0] === '';

/**
 * Stands for the one empty item of a relationship's list (a catalogue link's `citationQuotes: ['']`): every
 * catalogue relationship has one, so fixing them row by row after the import would cost a look-up each;
 * a pass over the store turns the placeholder back into [''] (BulkLoadRepository.restoreEmptyItems).
 */
export const EMPTY_ITEM = '\uE000';

/** Buffered writes to one file; `multiline` notes any line break inside a field. */
class CsvFile {
  private buffer: string[] = [];
  private size = 0;
  multiline = false;
  rows = 0;
  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string, columns: string[]): Promise<CsvFile> {
    const csv = new CsvFile(file, await open(file, 'w'));
    await csv.line(columns.join(','), false);
    return csv;
  }

  async line(text: string, counts = true): Promise<void> {
    if (counts) this.rows += 1;
    if (!this.multiline && (text.includes('\n') || text.includes('\r'))) this.multiline = true;
    this.buffer.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    await this.handle.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

/** Writes every section of the rows into `dir` (emptied first); returns what neo4j-admin needs to read them. */
export async function writeImportCsv(rows: GraphRowSource, dir: string): Promise<ImportFiles> {
  const writer = await ImportCsvWriter.open(dir);
  for (const s of rows.sources) await writer.source(s);
  for (const type of ENTITY_TYPES) for (const row of rows.entities[type] ?? []) await writer.entity(type, row);
  for (const row of rows.citations) await writer.citation(row);
  for (const type of RELATION_TYPES) for (const row of rows.relationships[type] ?? []) await writer.relationship(type, row);
  return writer.close();
}

/**
 * The import's files, written row by row in any order of sections (a streamed import hands over each
 * record's entity, citations and relationships together): one file per node kind and relationship
 * type, opened when its first row comes.
 */
export class ImportCsvWriter {
  private readonly files: ImportFiles;
  private readonly entityFiles = new Map<
    EntityType,
    { csv: CsvFile; props: Array<{ name: string; type: ColumnType }>; known: Set<string> }
  >();
  private readonly relationshipFiles = new Map<
    RelationType,
    { csv: CsvFile; statement: boolean; props: Array<{ name: string; type: ColumnType }>; seen: Set<string> }
  >();
  private group = new Map<string, CitationRow>();
  private groupEntity: string | undefined;

  private constructor(
    private readonly sources: CsvFile,
    private readonly cites: CsvFile,
    dir: string,
    private readonly observer?: RowObserver,
  ) {
    this.files = {
      dir,
      nodes: [],
      relationships: [],
      multiline: false,
      rows: { nodes: 0, relationships: 0 },
      emptyAliases: {},
      fixups: [],
      emptyItems: [],
    };
  }

  static async open(dir: string, observer?: RowObserver): Promise<ImportCsvWriter> {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const [, ...sourceColumns] = SOURCE_FIELDS;
    const sources = await CsvFile.create(path.join(dir, 'sources.csv'), [`id:${SOURCE_SPACE}`, ...sourceColumns]);
    const cites = await CsvFile.create(path.join(dir, 'cites.csv'), [
      `:START_${ENTITY_SPACE}`,
      `:END_${SOURCE_SPACE}`,
      ...CITATION_COLUMNS.map(([n, t]) => header(n, t)),
    ]);
    return new ImportCsvWriter(sources, cites, dir, observer);
  }

  async source(s: SourceRow): Promise<void> {
    this.observer?.source(s);
    await this.sources.line(SOURCE_FIELDS.map((name) => field(s[name] ?? null, 'string')).join(','));
  }

  async entity(type: EntityType, row: EntityRow): Promise<void> {
    let file = this.entityFiles.get(type);
    if (file === undefined) {
      const props = Object.entries(KINDS[type].properties).map(([name, spec]) => ({ name, type: columnType(spec) }));
      const csv = await CsvFile.create(path.join(this.files.dir, `entities-${label(type)}.csv`), [
        `id:${ENTITY_SPACE}`,
        'name',
        SORT_NAME,
        'aliases:string[]',
        'aliasText',
        'description',
        ...props.map((p) => header(p.name, p.type)),
      ]);
      file = { csv, props, known: new Set(props.map((p) => p.name)) };
      this.entityFiles.set(type, file);
    }
    const { csv, props, known } = file;
    const files = this.files;
    this.observer?.entity(type, row);
    for (const name of Object.keys(row.props))
      if (!known.has(name)) throw new Error(`Entity ${row.id} has a property "${name}" the registry does not declare for ${type}.`);
    if (row.aliases.length === 0) files.emptyAliases[label(type)] = (files.emptyAliases[label(type)] ?? 0) + 1;
    else if (inexpressible(row.aliases)) files.fixups.push({ id: row.id, props: { aliases: row.aliases } });
    const fixed: Record<string, unknown> = {};
    for (const p of props) if (inexpressible(row.props[p.name])) fixed[p.name] = row.props[p.name];
    if (Object.keys(fixed).length > 0) files.fixups.push({ id: row.id, props: fixed });
    const cells = [
      field(row.id, 'string'),
      field(row.name, 'string'),
      // toLower in Cypher and toLowerCase agree but for rare characters; the migrations' sort-key pass settles those.
      field(row.name.toLowerCase(), 'string'),
      inexpressible(row.aliases) ? '' : field(row.aliases, 'string[]'),
      field(row.aliasText, 'string'),
      field(row.description, 'string'),
      ...props.map((p) => (inexpressible(row.props[p.name]) ? '' : field(row.props[p.name], p.type))),
    ];
    await csv.line(cells.join(','));
  }

  /**
   * A CITES row. As the MERGE path does, a citation an entity already holds (same source, quote, note,
   * attribute and value) is not written twice: the later row only updates its confidence, reason and
   * hedge. Duplicates are looked for within an entity's run of consecutive rows (writers hand over an
   * entity's citations together).
   */
  async citation(row: CitationRow): Promise<void> {
    if (row.entityId !== this.groupEntity) {
      await this.flushCitations();
      this.groupEntity = row.entityId;
    }
    const key = citationKey(row);
    const held = this.group.get(key);
    this.group.set(key, held ? { ...held, confidence: row.confidence, reason: row.reason, hedged: row.hedged } : row);
  }

  async relationship(type: RelationType, row: RelationshipRow): Promise<void> {
    let file = this.relationshipFiles.get(type);
    if (file === undefined) {
      // A statement relationship (a benchmark result) also has its key and its properties, typed by the registry.
      const statement = isStatement(type);
      const props = statementPropertiesOf(type).map(([name, spec]) => ({ name, type: columnType(spec) }));
      const csv = await CsvFile.create(path.join(this.files.dir, `rel-${type}.csv`), [
        `:START_${ENTITY_SPACE}`,
        `:END_${ENTITY_SPACE}`,
        ...RELATIONSHIP_COLUMNS.map(([n, t]) => header(n, t)),
        ...(statement ? ['key'] : []),
        ...props.map((p) => header(p.name, p.type)),
      ]);
      file = { csv, statement, props, seen: new Set() };
      this.relationshipFiles.set(type, file);
    }
    const { csv, statement, props, seen } = file;
    // MERGE would fold two rows of one pair (and key) into one relationship; the import would write both.
    const pair = `${row.from}\u0000${row.to}\u0000${statement ? (row.key ?? '') : ''}`;
    if (seen.has(pair)) throw new Error(`Two ${type} rows join ${row.from} to ${row.to}; the bulk import needs them merged first.`);
    seen.add(pair);
    const fixed: Record<string, unknown> = {};
    const cells = RELATIONSHIP_COLUMNS.map(([name, t]) => {
      if (oneEmptyItem(row[name])) {
        if (!this.files.emptyItems.some((e) => e.type === type && e.property === name))
          this.files.emptyItems.push({ type, property: name });
        return quoted(EMPTY_ITEM);
      }
      if (!inexpressible(row[name])) return field(row[name], t);
      fixed[name] = row[name];
      return '';
    });
    if (Object.keys(fixed).length > 0)
      this.files.fixups.push({ from: row.from, to: row.to, type, ...(statement && row.key && { key: row.key }), props: fixed });
    this.observer?.relationship(type, row);
    const own = statement ? [field(row.key ?? null, 'string'), ...props.map((p) => field(row.props?.[p.name] ?? null, p.type))] : [];
    await csv.line([field(row.from, 'string'), field(row.to, 'string'), ...cells, ...own].join(','));
  }

  /** Closes every file; node files in the registry's order of kinds, relationship files in its order of types. */
  async close(): Promise<ImportFiles> {
    await this.flushCitations();
    const files = this.files;
    const finish = async (csv: CsvFile) => {
      await csv.close();
      files.multiline ||= csv.multiline;
      return csv.rows;
    };
    files.rows.nodes += await finish(this.sources);
    files.nodes.push({ labels: [SOURCE_LABEL], file: this.sources.file });
    for (const type of ENTITY_TYPES) {
      const entry = this.entityFiles.get(type);
      if (entry === undefined) continue;
      if (entry.csv.rows > 0) files.nodes.push({ labels: [ENTITY_LABEL, label(type)], file: entry.csv.file });
      files.rows.nodes += await finish(entry.csv);
    }
    files.rows.relationships += await finish(this.cites);
    files.relationships.push({ type: relType(CITES), file: this.cites.file });
    for (const type of RELATION_TYPES) {
      const entry = this.relationshipFiles.get(type);
      if (entry === undefined) continue;
      if (entry.csv.rows > 0) files.relationships.push({ type: relType(type), file: entry.csv.file });
      files.rows.relationships += await finish(entry.csv);
    }
    return files;
  }

  private async flushCitations(): Promise<void> {
    for (const c of this.group.values()) {
      this.observer?.citation(c);
      await this.cites.line(
        [field(c.entityId, 'string'), field(c.sourceId, 'string'), ...CITATION_COLUMNS.map(([n, t]) => field(c[n], t))].join(','),
      );
    }
    this.group = new Map();
  }
}

const CITATION_COLUMNS: Array<[keyof CitationRow, ColumnType]> = [
  ['ordinal', 'double'],
  ['quote', 'string'],
  ['note', 'string'],
  ['confidence', 'double'],
  ['attribute', 'string'],
  ['value', 'string'],
  ['rank', 'string'],
  ['reason', 'string'],
  ['hedged', 'boolean'],
  ['locator', 'string'],
];

const citationKey = (c: CitationRow) => JSON.stringify([c.sourceId, c.quote ?? '', c.note ?? '', c.attribute ?? '', c.value ?? '']);

const RELATIONSHIP_COLUMNS: Array<[keyof RelationshipRow, ColumnType]> = [
  ['id', 'string'],
  ['kind', 'string'],
  ['citationSources', 'string[]'],
  ['citationQuotes', 'string[]'],
  ['citationNotes', 'string[]'],
  ['citationConfidences', 'double[]'],
  ['confidence', 'double'],
];

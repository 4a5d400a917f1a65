/**
 * The one place that decides how a load is written: through Neo4j's bulk importer when the store is
 * empty, the load is large and the Neo4j is the embedded one we can stop; through the MERGE path of
 * the shared write model (SeedRepository.write) otherwise. Both give the same graph
 * (tests/bulk-load.test.ts compares their fingerprints).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { label } from '../domain/graph-model.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../domain/registry.js';
import { runAdminImport } from '../neo4j-local/admin-import.js';
import { clearBulkImport, markBulkImport } from '../neo4j-local/store-files.js';
import { BulkLoadRepository, type RelationshipFixup } from '../repositories/bulk-load.repository.js';
import { SeedRepository } from '../repositories/seed.repository.js';
import type { GraphRows } from '../seed/graph-rows.js';
import { ARRAY_DELIMITER, EMPTY_ITEM, type GraphRowSource, type ImportFiles, writeImportCsv } from './import-csv.js';

/** The embedded Neo4j, which the bulk path stops for the import and starts again after. */
export interface EmbeddedStore {
  /** Its data folder (NEO4J_HOME of the import). */
  dataDir: string;
  stop(): Promise<void>;
  /** Starts it on the same store (past the store's bulk-import marker, which is this load's) and returns a connection to it. */
  start(): Promise<Database>;
}

export type LoadPath = 'bulk-import' | 'merge';

export interface LoadOptions {
  /** Entities in the load: the bulk path is taken from `minEntities` on (BULK_LOAD_MIN_ENTITIES). */
  entities: number;
  minEntities: number;
  /** Absent when Neo4j is not the embedded one (NEO4J_URI, or an embedded one another process owns). */
  store?: EmbeddedStore;
  /** Where the CSV files go (removed after a successful import); default `<dataDir>/bulk-import`. */
  workDir?: string;
  /** `--max-off-heap-memory` of the importer. */
  maxOffHeap?: string;
  onProgress?: (message: string) => void;
}

export interface LoadResult {
  /** The connection to use after the load: the bulk path closes the one it was given and restarts Neo4j. */
  database: Database;
  path: LoadPath;
  reason: string;
  /** Wall seconds of each step. */
  phases: Array<{ phase: string; s: number }>;
}

/** Which path a load takes, and why (the reason is logged and reported). */
/** `db` null: the embedded store does not exist yet, so it is empty and not running. */
export async function chooseLoadPath(db: Database | null, options: Pick<LoadOptions, 'entities' | 'minEntities' | 'store'>) {
  const merge = (reason: string) => ({ path: 'merge' as const, reason });
  if (options.entities < options.minEntities)
    return merge(`${options.entities} entities, fewer than BULK_LOAD_MIN_ENTITIES (${options.minEntities})`);
  if (!options.store) return merge('Neo4j is not an embedded one this process can stop (NEO4J_URI, or another process owns it)');
  if (db === null) return { path: 'bulk-import' as const, reason: `${options.entities} entities into a new store` };
  if (!(await new BulkLoadRepository(db).isEmptyStore())) return merge('the store is not empty');
  return { path: 'bulk-import' as const, reason: `${options.entities} entities into an empty store` };
}

/** Counts the entities of GraphRows, for `LoadOptions.entities`. */
export const entityCount = (rows: GraphRows) => Object.values(rows.entities).reduce((n, list) => n + list.length, 0);

/**
 * Writes the rows by the path `chooseLoadPath` picks. The MERGE path needs the rows as arrays
 * (GraphRows); the bulk path streams any iterable. Constraints and indexes exist afterwards either way;
 * the caller writes its own completion marker (SeedRepository.markSeeded) after, as for any load.
 */
export async function loadGraph(db: Database, rows: GraphRowSource, options: LoadOptions): Promise<LoadResult> {
  const choice = await chooseLoadPath(db, options);
  options.onProgress?.(`loading by ${choice.path}: ${choice.reason}`);
  if (choice.path === 'merge') {
    const started = Date.now();
    await new SeedRepository(db).write(materialise(rows));
    return { database: db, ...choice, phases: [{ phase: 'merge', s: seconds(started) }] };
  }
  return { ...(await bulkImport(db, rows, options as LoadOptions & { store: EmbeddedStore })), ...choice };
}

async function bulkImport(db: Database, rows: GraphRowSource, options: LoadOptions & { store: EmbeddedStore }) {
  const dir = options.workDir ?? path.join(options.store.dataDir, 'bulk-import');
  const started = Date.now();
  const files = await writeImportCsv(rows, dir);
  options.onProgress?.(`write CSV: ${seconds(started)} s`);
  const { database, phases } = await importCsvFiles(db, files, options);
  return { database, phases: [{ phase: 'write CSV', s: seconds(started) }, ...phases] };
}

/**
 * The steps after the CSV files are written (by writeImportCsv or a streamed ImportCsvWriter): Neo4j
 * stopped, `neo4j-admin database import full`, Neo4j started, constraints and indexes, the values CSV
 * cannot state, the data version advanced, the files removed. Returns the new connection.
 */
export async function importCsvFiles(
  /** The store's connection, closed before it stops; null for a store not started yet. */
  db: Database | null,
  files: ImportFiles,
  options: Pick<LoadOptions, 'maxOffHeap' | 'onProgress'> & { store: EmbeddedStore },
): Promise<{ database: Database; phases: LoadResult['phases'] }> {
  const phases: LoadResult['phases'] = [];
  const step = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    phases.push({ phase, s: seconds(started) });
    options.onProgress?.(`${phase}: ${seconds(started)} s`);
    return result;
  };
  markBulkImport(options.store.dataDir);
  await db?.close();
  await step('stop Neo4j', () => options.store.stop());
  const imported = await step('neo4j-admin import', () =>
    runAdminImport({
      home: options.store.dataDir,
      nodes: files.nodes,
      relationships: files.relationships,
      arrayDelimiter: ARRAY_DELIMITER,
      multiline: files.multiline,
      badTolerance: files.rows.relationships,
      maxOffHeap: options.maxOffHeap,
      onProgress: options.onProgress,
    }),
  );
  if (imported.skipped > 0)
    options.onProgress?.(`${imported.skipped} relationships named a missing end and were skipped (${imported.reportFile})`);
  const database = await step('start Neo4j', () => options.store.start());
  const repository = new BulkLoadRepository(database);
  // The passes below find nodes through the constraints; the other indexes fill meanwhile (on the other core).
  await step('constraints and indexes created', () => repository.createSchema());
  await step('values CSV cannot state', async () => {
    for (const type of ENTITY_TYPES) if (files.emptyAliases[label(type)]) await repository.setMissingAliases(type);
    await repository.applyNodeFixups(files.fixups.flatMap((f) => (f.id === undefined ? [] : [{ id: f.id, props: f.props }])));
    await repository.applyRelationshipFixups(files.fixups.filter((f): f is RelationshipFixup => f.id === undefined));
    for (const property of new Set(files.emptyItems.map((e) => e.property)))
      await repository.restoreEmptyItems(
        files.emptyItems.filter((e) => e.property === property).map((e) => e.type),
        property,
        EMPTY_ITEM,
      );
  });
  await step('indexes online', () => repository.awaitIndexes());
  await repository.advanceVersion();
  clearBulkImport(options.store.dataDir);
  await rm(files.dir, { recursive: true, force: true });
  return { database, phases };
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;

function materialise(rows: GraphRowSource): GraphRows {
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [...(rows.entities[t] ?? [])]])) as GraphRows['entities'];
  const relationships = Object.fromEntries(
    RELATION_TYPES.map((t) => [t, [...(rows.relationships[t] ?? [])]]),
  ) as GraphRows['relationships'];
  return { sources: [...rows.sources], entities, citations: [...rows.citations], relationships };
}

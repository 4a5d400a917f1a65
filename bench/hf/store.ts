/**
 * The Hugging Face bench's Neo4j: one store per size under bench/.work/hf-<models>, loaded through
 * the service's one chooser (src/bulk-load: neo4j-admin's importer from BULK_LOAD_MIN_ENTITIES
 * entities on, the MERGE path below), and marked, so a later run of the same size and seed reuses it.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { GraphRowSource } from '../../src/bulk-load/import-csv.js';
import { type EmbeddedStore, type LoadResult, loadGraph } from '../../src/bulk-load/load-graph.js';
import { loadConfig } from '../../src/config/config.js';
import { Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.js';
import { SeedRepository } from '../../src/repositories/seed.repository.js';
import { freePort, WORK_DIR } from '../neo4j.js';

export const HEAP_MB = Number(process.env.HF_NEO4J_HEAP_MB ?? 4096);
export const PAGE_CACHE_MB = Number(process.env.HF_NEO4J_PAGE_CACHE_MB ?? 4096);

export interface HfStore {
  database: Database;
  local: () => LocalNeo4j;
  dataDir: string;
  stop(): Promise<void>;
}

export const storeDir = (models: number, tag = 'hf') => path.join(WORK_DIR, `${tag}-${models}`);

/** Starts Neo4j on the store of this size (created if missing). */
export async function openStore(dataDir: string, log: (line: string) => void): Promise<HfStore & { embedded: EmbeddedStore }> {
  const port = await freePort();
  let local: LocalNeo4j | undefined;
  const connect = (neo: LocalNeo4j) => {
    // The systems run in child processes, which take the generated password from the environment.
    process.env.NEO4J_PASSWORD = neo.password;
    return new Database({ uri: neo.uri, user: neo.user, password: neo.password, database: undefined, timeoutMs: 600_000 });
  };
  const start = async () => {
    log(
      `starting Neo4j on 127.0.0.1:${port} (store ${path.relative(process.cwd(), dataDir)}, heap ${HEAP_MB} MB, page cache ${PAGE_CACHE_MB} MB)`,
    );
    local = await startLocalNeo4j({
      dataDir,
      port,
      heapMb: HEAP_MB,
      pageCacheMb: PAGE_CACHE_MB,
      startTimeoutMs: 1_800_000,
      finishingBulkImport: true,
    });
    return connect(local);
  };
  const embedded: EmbeddedStore = {
    dataDir,
    start,
    stop: async () => {
      await local?.stop();
      local = undefined;
    },
  };
  const handle = {
    database: await start(),
    local: () => local!,
    dataDir,
    embedded,
    stop: async () => {
      await handle.database.close();
      await embedded.stop();
    },
  };
  return handle;
}

/** The store's marker, or null when it holds no complete load of this key. */
async function markerOf(db: Database): Promise<string | null> {
  const [row] = await db.scope().read('OPTIONAL MATCH (b:BenchMarker) RETURN b.key AS key, b.complete AS complete');
  return row?.complete === true ? String(row.key) : null;
}

/**
 * Reuses the store when its marker is `key`; otherwise empties the folder and loads the rows.
 * Returns the load's phases, or null when the store was reused.
 */
export async function ensureHfLoaded(
  models: number,
  key: string,
  rows: () => GraphRowSource & { entityCount: number },
  log: (line: string) => void,
  tag = 'hf',
): Promise<{ store: HfStore; load: (Omit<LoadResult, 'database'> & { total_s: number }) | null }> {
  const dataDir = storeDir(models, tag);
  let store = await openStore(dataDir, log);
  if ((await markerOf(store.database)) === key) {
    log(`reusing the loaded store (${key})`);
    await applyMigrations(store.database);
    return { store, load: null };
  }
  await store.stop();
  rmSync(dataDir, { recursive: true, force: true });
  store = await openStore(dataDir, log);
  const started = Date.now();
  const source = rows();
  const result = await loadGraph(store.database, source, {
    entities: source.entityCount,
    minEntities: loadConfig().bulkLoadMinEntities,
    store: store.embedded,
    maxOffHeap: process.env.HF_IMPORT_OFF_HEAP ?? '4G',
    onProgress: (line) => log(`  ${line}`),
  });
  store.database = result.database;
  await applyMigrations(store.database);
  await new SeedRepository(store.database).markSeeded(`bench ${key}`);
  await store.database
    .scope()
    .write((tx) => tx.run('MERGE (b:BenchMarker) SET b.key = $key, b.complete = true, b.loadedAt = datetime()', { key }));
  const { database: _, ...load } = result;
  return { store, load: { ...load, total_s: Math.round((Date.now() - started) / 100) / 10 } };
}

/** Bytes of the store on disk (the database's store files and its transaction logs). */
export function storeBytes(dataDir: string): number {
  const out = execFileSync('du', ['-sb', path.join(dataDir, 'data')], { encoding: 'utf8' });
  return Number(out.split('\t')[0]);
}

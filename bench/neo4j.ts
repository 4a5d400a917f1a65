/**
 * The bench's own Neo4j: started from Maven like the project's (startLocalNeo4j) on a free port,
 * with its store under bench/.work/, and loaded through the importer's bulk path
 * (Dataset -> toGraphRows -> ImportRepository.bulkCreate, indexes built after the load). A :BenchMarker node records what was loaded, so
 * a later run with the same scale, seed, generator version and generated graph reuses the store as it is.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/db/database.js';
import { applyMigrations, SCHEMA_ITEMS } from '../src/db/migrations.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { BULK_CONCURRENCY, ImportRepository } from '../src/repositories/import.repository.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { toGraphRows } from '../src/seed/graph-rows.js';
import { GENERATOR_VERSION, type GeneratedGraph } from './generator.js';

export const WORK_DIR = fileURLToPath(new URL('./.work/', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BenchNeo4j {
  uri: string;
  database: Database;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** One store folder per scale, so the quick and the full graph can both stay loaded. */
export async function startBenchNeo4j(models: number, log: (line: string) => void): Promise<BenchNeo4j> {
  const port = await freePort();
  const dataDir = path.join(WORK_DIR, `neo4j-${models}`);
  log(`starting Neo4j on 127.0.0.1:${port} (store ${path.relative(process.cwd(), dataDir)}, heap 2 GB, page cache 1 GB)`);
  const local: LocalNeo4j = await startLocalNeo4j({ dataDir, port, heapMb: 2048, pageCacheMb: 1024, startTimeoutMs: 600_000 });
  // The systems run in child processes, which inherit the generated password through the environment.
  process.env.NEO4J_PASSWORD = local.password;
  const database = new Database({ uri: local.uri, user: local.user, password: local.password, database: undefined, timeoutMs: 600_000 });
  // On a loaded machine the first answer can take longer than the driver's connection timeouts.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.ping(30_000);
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
      log(`Neo4j does not answer yet (${(error as Error).message.split('.')[0]}); trying again in 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
  return {
    uri: local.uri,
    database,
    pid: local.pid,
    stop: async () => {
      await database.close();
      await local.stop();
    },
  };
}

/** Constraints the bulk load needs while it writes: relationship rows MATCH both ends by id. */
const BULK_CONSTRAINTS = ['entity_id_unique', 'source_id_unique'];

/**
 * What identifies a loaded store. The generator reads `seed/`, so the same version, scale and seed
 * give another graph once the seed changes: the fingerprint of the scale and the scenarios' picks
 * (drawn from the whole generated graph) tells the two apart. Without it a store loaded before a
 * seed edit was reused, and the scenarios searched for names it did not hold (empty answers).
 */
export const markerKey = (graph: GeneratedGraph, seed: number) => {
  const fingerprint = createHash('sha1')
    .update(JSON.stringify([graph.scale, graph.picks]))
    .digest('hex')
    .slice(0, 12);
  return `v${GENERATOR_VERSION}:models=${graph.scale.models}:seed=${seed}:${fingerprint}`;
};

/** What a load cost: wall seconds writing the rows and building the indexes after them. */
export interface LoadTimes {
  write_s: number;
  index_s: number;
  /** Wall seconds of each write phase (sources, each label, CITES, each relationship type). */
  phases: Array<{ phase: string; rows: number; s: number }>;
}

/** Loads the graph unless the marker says it is already there; returns the load's times, or null when it reused the store. */
export async function ensureLoaded(
  database: Database,
  graph: GeneratedGraph,
  seed: number,
  log: (line: string) => void,
): Promise<LoadTimes | null> {
  const scope = database.scope({ timeoutMs: 600_000 });
  const key = markerKey(graph, seed);
  const [marker] = await scope.read('OPTIONAL MATCH (b:BenchMarker) RETURN b.key AS key, b.complete AS complete');
  if (marker?.key === key && marker?.complete === true) {
    log(`reusing the loaded graph (${key})`);
    // Indexes or derived properties added since the store was loaded.
    await applyMigrations(database);
    await scope.read('CALL db.awaitIndexes(600)');
    return null;
  }
  const started = Date.now();
  log(`loading ${key}: ${graph.scale.nodes} nodes, ${graph.scale.relationships} relationships`);
  await new SeedRepository(database).reset();
  // Only the id constraints before loading (relationships find their ends through them); every other
  // index is built once from the loaded store, which costs far less than updating it row by row.
  for (const item of SCHEMA_ITEMS.filter((i) => BULK_CONSTRAINTS.includes(i.name))) await scope.write((tx) => tx.run(item.cypher));
  // The importer's bulk path (batched UNWIND CREATE into the empty store); quotes are synthetic, so unvalidated.
  let reported = 0;
  const phases = await new ImportRepository(database).bulkCreate(
    toGraphRows(graph.dataset),
    (done, total) => {
      if (Date.now() - reported < 15_000) return;
      reported = Date.now();
      log(`  ${done} of ${total} rows written`);
    },
    { concurrency: Number(process.env.BENCH_LOAD_CONCURRENCY ?? BULK_CONCURRENCY) },
  );
  for (const p of phases)
    log(`  ${p.phase}: ${p.rows} rows in ${(p.ms / 1000).toFixed(1)} s (${Math.round(p.rows / Math.max(0.001, p.ms / 1000))} rows/s)`);
  const writeS = (Date.now() - started) / 1000;
  log(`written in ${writeS.toFixed(1)} s; building indexes`);
  const indexStart = Date.now();
  // Every other constraint and index with the load's own deadline (applyMigrations allows a start-up's
  // 120 s for all of them, too little for a constraint that validates 280,000 nodes on a busy machine).
  for (const item of SCHEMA_ITEMS.filter((i) => !BULK_CONSTRAINTS.includes(i.name)))
    await database.scope({ timeoutMs: 600_000 }).write((tx) => tx.run(item.cypher));
  await applyMigrations(database);
  // Fresh scopes: a large load outlasts the deadline of the scope opened before it.
  const after = database.scope({ timeoutMs: 600_000 });
  // The service's own completion marker too, so a service started on this store serves it as it is
  // instead of loading the documents' graph into it.
  await new SeedRepository(database).markSeeded(`bench ${key}`);
  await after.write((tx) => tx.run('MERGE (b:BenchMarker) SET b.key = $key, b.complete = true, b.loadedAt = datetime()', { key }));
  await after.read('CALL db.awaitIndexes(600)');
  const indexS = (Date.now() - indexStart) / 1000;
  log(`indexes built in ${indexS.toFixed(1)} s`);
  log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    write_s: Math.round(writeS * 10) / 10,
    index_s: Math.round(indexS * 10) / 10,
    phases: phases.map((p) => ({ phase: p.phase, rows: p.rows, s: Math.round(p.ms / 100) / 10 })),
  };
}

/** Counts in the database itself (what the report calls the scale). */
export async function measuredScale(database: Database): Promise<{ nodes: number; relationships: number; models: number }> {
  const [row] = await database
    .scope()
    .read('RETURN COUNT { (:Model) } AS models, COUNT { (:Entity) } + COUNT { (:Source) } AS nodes, COUNT { ()-[]->() } AS relationships');
  return { models: Number(row?.models), nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

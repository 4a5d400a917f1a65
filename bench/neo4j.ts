/**
 * The bench's own Neo4j: started from Maven like the project's (startLocalNeo4j) on a free port,
 * with its store under bench/.work/, and loaded through the project's loader path
 * (Dataset -> toGraphRows -> SeedRepository.write). A :BenchMarker node records what was loaded, so
 * a later run with the same scale, seed and generator version reuses the store as it is.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/db/database.js';
import { applyMigrations } from '../src/db/migrations.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
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
  const local: LocalNeo4j = await startLocalNeo4j({ dataDir, port, heapMb: 2048, pageCacheMb: 1024, startTimeoutMs: 180_000 });
  // The systems run in child processes, which inherit the generated password through the environment.
  process.env.NEO4J_PASSWORD = local.password;
  const database = new Database({ uri: local.uri, user: local.user, password: local.password, database: undefined, timeoutMs: 600_000 });
  await database.ping(30_000);
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

const markerKey = (graph: GeneratedGraph, seed: number) => `v${GENERATOR_VERSION}:models=${graph.scale.models}:seed=${seed}`;

/** Loads the graph unless the marker says it is already there; returns whether it loaded. */
export async function ensureLoaded(database: Database, graph: GeneratedGraph, seed: number, log: (line: string) => void): Promise<boolean> {
  const scope = database.scope({ timeoutMs: 600_000 });
  const key = markerKey(graph, seed);
  const [marker] = await scope.read('OPTIONAL MATCH (b:BenchMarker) RETURN b.key AS key, b.complete AS complete');
  if (marker?.key === key && marker?.complete === true) {
    log(`reusing the loaded graph (${key})`);
    // Indexes or derived properties added since the store was loaded.
    await applyMigrations(database);
    await scope.read('CALL db.awaitIndexes(600)');
    return false;
  }
  const started = Date.now();
  log(`loading ${key}: ${graph.scale.nodes} nodes, ${graph.scale.relationships} relationships`);
  const repository = new SeedRepository(database);
  await repository.reset();
  await applyMigrations(database);
  await scope.read('CALL db.awaitIndexes(600)');
  // The project's loader path; quote validation is skipped because the quotes are synthetic.
  await repository.write(toGraphRows(graph.dataset));
  await scope.write((tx) => tx.run('MERGE (b:BenchMarker) SET b.key = $key, b.complete = true, b.loadedAt = datetime()', { key }));
  await scope.read('CALL db.awaitIndexes(600)');
  log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Counts in the database itself (what the report calls the scale). */
export async function measuredScale(database: Database): Promise<{ nodes: number; relationships: number; models: number }> {
  const [row] = await database
    .scope()
    .read('RETURN COUNT { (:Model) } AS models, COUNT { (:Entity) } + COUNT { (:Source) } AS nodes, COUNT { ()-[]->() } AS relationships');
  return { models: Number(row?.models), nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

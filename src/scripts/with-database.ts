import type { EmbeddedStore } from '../bulk-load/load-graph.js';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { type Database, DatabaseUnavailableError } from '../db/database.js';
import { createLogger } from '../logging/logger.js';
import { LocalNeo4jError, startLocalNeo4j } from '../neo4j-local/local-neo4j.js';
import { storeWritten } from '../neo4j-local/store-files.js';
import { connectToNeo4j } from '../startup/connect.js';
import { StartupError } from '../startup/startup-error.js';

/** The configuration of a command-line task; a bad variable ends it with one sentence each (exit code 2). */
export function scriptConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
    process.exit(2);
  }
}

/**
 * A task's statements that name no deadline of their own get this one: a command-line task is a batch, not
 * a request, and a busy machine must not cut an import short at REQUEST_TIMEOUT_MS (when it is the larger, it is kept).
 */
const TASK_TIMEOUT_MS = 300_000;

/**
 * Runs a command-line task against NEO4J_URI, or the embedded Neo4j (with its generated password) when it is unset.
 * When this process started the embedded Neo4j itself, the task also gets it as an EmbeddedStore (the bulk
 * loader stops and restarts it; the connection a restart opens is the one closed at the end).
 */
export function withDatabase(task: (db: Database, store?: EmbeddedStore) => Promise<void>): Promise<void> {
  return run(false, task as (db: Database | null, store?: EmbeddedStore) => Promise<void>);
}

/**
 * As withDatabase, but when the embedded Neo4j's store does not exist yet it is not started for the task: the
 * task gets null and the store, which it starts when it needs it (a first bulk load writes the store before).
 */
export function withDatabaseOrNewStore(task: (db: Database | null, store?: EmbeddedStore) => Promise<void>): Promise<void> {
  return run(true, task);
}

async function run(newStoreWaits: boolean, task: (db: Database | null, store?: EmbeddedStore) => Promise<void>): Promise<void> {
  const config = scriptConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.logFormat);
  let local: Awaited<ReturnType<typeof startLocalNeo4j>> | undefined;
  let db: Database | null = null;
  const timeoutMs = Math.max(config.requestTimeoutMs, TASK_TIMEOUT_MS);
  const startLocal = (reuseAny: boolean, finishingBulkImport = false) =>
    startLocalNeo4j({
      dataDir: config.neo4j.localData,
      port: config.neo4j.localPort,
      heapMb: config.neo4j.localHeapMb,
      pageCacheMb: config.neo4j.localPageCacheMb,
      // A short task may use the Neo4j of a running service for the same data folder.
      reuseAny,
      finishingBulkImport,
      onProgress: (message) => console.error(message),
    });
  const newStore = newStoreWaits && config.neo4j.uri === undefined && !storeWritten(config.neo4j.localData);
  try {
    local = config.neo4j.uri === undefined && !newStore ? await startLocal(true) : undefined;
    const uri = config.neo4j.uri ?? local?.uri;
    const password = local?.password ?? config.neo4j.password;
    if (uri !== undefined) db = await connectToNeo4j({ ...config.neo4j, uri, password, timeoutMs }, log);
  } catch (error) {
    if (!(error instanceof LocalNeo4jError || error instanceof StartupError)) throw error;
    await local?.stop();
    console.error(error.message);
    process.exit(3);
  }
  const store: EmbeddedStore | undefined =
    newStore || local?.owned === true
      ? {
          dataDir: config.neo4j.localData,
          stop: async () => {
            await local?.stop();
            local = undefined;
          },
          start: async () => {
            local = await startLocal(false, true);
            db = await connectToNeo4j({ ...config.neo4j, uri: local.uri, password: local.password, timeoutMs }, log);
            return db;
          },
        }
      : undefined;
  try {
    await task(db, store);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    console.error(`Neo4j stopped answering during the task: ${error.message}`);
    process.exitCode = 3;
  } finally {
    await db?.close();
    await local?.stop();
  }
}
